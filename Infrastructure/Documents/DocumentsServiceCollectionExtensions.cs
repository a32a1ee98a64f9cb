using CareerConv.Infrastructure.Storage;
using CareerConv.Orchestrations.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareerConv.Infrastructure.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>CareerConv:Documents</c> (validated at start) and registers the Blob document store, the
    /// notes drafts, the record uploads and the record form renderer, with the storage clients they use.
    /// These replace any earlier registrations of the four interfaces.
    /// </summary>
    public static IServiceCollection AddCareerConvDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCareerConvStorage(configuration);
        services.AddOptions<DocumentOptions>()
            .Bind(configuration.GetSection(DocumentOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<DocumentContainers>();

        // Replace, not TryAdd: a host may already have registered the in-memory stores as defaults.
        services.Replace(ServiceDescriptor.Singleton<IDocumentStore, BlobDocumentStore>());
        services.Replace(ServiceDescriptor.Singleton<INotesDrafts, BlobNotesDrafts>());
        services.Replace(ServiceDescriptor.Singleton<IRecordUploads, RecordUploads>());
        services.Replace(ServiceDescriptor.Singleton<IRecordFormRenderer, RecordFormRenderer>());
        return services;
    }
}
