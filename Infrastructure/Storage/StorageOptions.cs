using System.ComponentModel.DataAnnotations;

namespace CareerConv.Infrastructure.Storage;

/// <summary>
/// Where the durable stores live, bound from <c>CareerConv:Storage</c>. Locally a connection string
/// (Azurite by default); in Azure the service URIs, reached with the app's managed identity through
/// <c>DefaultAzureCredential</c>, so no account key sits in settings.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "CareerConv:Storage";

    /// <summary>The Azurite account on 127.0.0.1, the default when nothing else is configured.</summary>
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    /// <summary>A storage connection string; ignored when both service URIs are set.</summary>
    public string ConnectionString { get; set; } = DevelopmentConnectionString;

    /// <summary>The Blob service endpoint, such as https://account.blob.core.windows.net, for identity-based access.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The Table service endpoint, such as https://account.table.core.windows.net, for identity-based access.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Prefix of every container and table name, so several installations can share one account.</summary>
    [RegularExpression("^[a-z][a-z0-9]{0,19}$", ErrorMessage = "NamePrefix must be 1 to 20 lower-case letters and digits, starting with a letter.")]
    public string NamePrefix { get; set; } = "careerconv";

    public bool UsesIdentity => BlobServiceUri is not null && TableServiceUri is not null;
}
