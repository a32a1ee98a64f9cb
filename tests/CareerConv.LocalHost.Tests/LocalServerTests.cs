using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerConv.LocalHost.Serve;
using CareerConv.Orchestrations.Timing;
using CareerConv.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace CareerConv.LocalHost.Tests;

public sealed class LocalServerTests
{
    static IConfiguration Sample() => new ConfigurationBuilder()
        .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json"))
        .Build();

    [Fact]
    public async Task Serve_SampleCycleInMemory_StartsEveryRosterRowAndServesProgress()
    {
        var data = Directory.CreateTempSubdirectory("careerconv-serve-").FullName;
        await using var server = await LocalServer.StartAsync(Sample(), new ServeSettings(0, InMemory: true, data, Sample: true));
        using var output = new StringWriter();

        var result = await SampleCycle.ImportAsync(server, output);
        await server.WaitForIdleAsync();
        using var http = new HttpClient { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/admin/cycles/progress?cycle=2026-27&faculty=SCI");
        request.Headers.Add(AdminKey.HeaderName, server.AdminKey.Value);
        var progress = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var unauthorised = await http.GetAsync(new Uri("api/admin/cycles/progress?cycle=2026-27", UriKind.Relative));

        Assert.Equal(45, result.RowsRead);
        Assert.Empty(result.Problems);
        Assert.Equal(45, progress.GetProperty("conversations").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.True(File.Exists(Path.Combine(data, "admin-key")));
        Assert.Contains("started 45 of 45", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_AdminKeyFile_ReusedOnRestart()
    {
        var data = Directory.CreateTempSubdirectory("careerconv-serve-").FullName;
        string first;
        await using (var server = await LocalServer.StartAsync(Sample(), new ServeSettings(0, InMemory: true, data, Sample: false)))
        {
            first = server.AdminKey.Value;
        }

        await using var again = await LocalServer.StartAsync(Sample(), new ServeSettings(0, InMemory: true, data, Sample: false));

        Assert.Equal(first, again.AdminKey.Value);
    }
}
