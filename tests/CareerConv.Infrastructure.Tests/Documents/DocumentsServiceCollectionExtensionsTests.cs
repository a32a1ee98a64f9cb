using CareerConv.Infrastructure.Documents;
using CareerConv.Orchestrations.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerConv.Infrastructure.Tests.Documents;

public sealed class DocumentsServiceCollectionExtensionsTests
{
    static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IDocumentStore, InMemoryDocumentStore>();
        services.AddCareerConvDocuments(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddCareerConvDocuments_Defaults_RegistersTheBlobServices()
    {
        using var provider = Build([]);

        Assert.IsType<BlobDocumentStore>(provider.GetRequiredService<IDocumentStore>());
        Assert.IsType<BlobNotesDrafts>(provider.GetRequiredService<INotesDrafts>());
        Assert.IsType<RecordFormRenderer>(provider.GetRequiredService<IRecordFormRenderer>());
        var uploads = provider.GetRequiredService<IRecordUploads>();
        Assert.Equal(20 * 1024 * 1024, uploads.MaxBytes);
        Assert.Equal(64 * 1024, provider.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxNotesBytes);
    }

    [Fact]
    public void AddCareerConvDocuments_ConfiguredLimits_AreUsed()
    {
        using var provider = Build(new()
        {
            ["CareerConv:Documents:MaxRecordBytes"] = "1048576",
            ["CareerConv:Documents:MaxNotesBytes"] = "2048",
        });

        Assert.Equal(1048576, provider.GetRequiredService<IRecordUploads>().MaxBytes);
        Assert.Equal(2048, provider.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxNotesBytes);
    }

    [Theory]
    [InlineData("CareerConv:Documents:MaxRecordBytes", "0")]
    [InlineData("CareerConv:Documents:MaxNotesBytes", "-1")]
    public void AddCareerConvDocuments_InvalidLimit_FailsValidation(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DocumentOptions>>().Value);

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }
}
