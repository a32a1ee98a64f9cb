using CareerConv.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace CareerConv.Web.Tests;

public sealed class ConfigurationOrderTests
{
    [Fact]
    public void FacultiesFile_KeyAlsoInEnvironment_EnvironmentWins()
    {
        const string variable = "CareerConv__Timing__Faculties__KLC__Name";
        Environment.SetEnvironmentVariable(variable, "Campus name from app settings");
        try
        {
            var configuration = new ConfigurationManager();
            configuration.AddEnvironmentVariables();
            configuration["CareerConv:Timing:FacultiesFile"] = Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json");

            configuration.AddCareerConvFacultiesFile();

            Assert.Equal("Campus name from app settings", configuration["CareerConv:Timing:Faculties:KLC:Name"]);
            Assert.Equal("Faculty of Science and Engineering", configuration["CareerConv:Timing:Faculties:SCI:Name"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
