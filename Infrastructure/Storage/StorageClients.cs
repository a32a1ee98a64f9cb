using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace CareerConv.Infrastructure.Storage;

/// <summary>
/// Creates the Blob and Table clients every store uses, from <see cref="StorageOptions"/>. The Blob
/// service version is pinned to one that Azurite 3.37 accepts; newer client defaults are rejected there.
/// </summary>
public sealed class StorageClients
{
    public const BlobClientOptions.ServiceVersion BlobServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    public StorageClients(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        NamePrefix = settings.NamePrefix;
        var blobOptions = new BlobClientOptions(BlobServiceVersion);
        if (settings.UsesIdentity)
        {
            TokenCredential credential = new DefaultAzureCredential();
            Blobs = new BlobServiceClient(settings.BlobServiceUri, credential, blobOptions);
            Tables = new TableServiceClient(settings.TableServiceUri, credential);
        }
        else
        {
            Blobs = new BlobServiceClient(settings.ConnectionString, blobOptions);
            Tables = new TableServiceClient(settings.ConnectionString);
        }
    }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    public string NamePrefix { get; }

    /// <summary>Returns a container client for <c>{prefix}-{name}</c>; the caller creates it if needed.</summary>
    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient($"{NamePrefix}-{name}");

    /// <summary>Returns a table client for <c>{prefix}{Name}</c>; table names allow letters and digits only.</summary>
    public TableClient Table(string name) => Tables.GetTableClient(NamePrefix + name);
}
