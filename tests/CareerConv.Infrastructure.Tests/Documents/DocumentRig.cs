using CareerConv.Infrastructure.Documents;
using CareerConv.Infrastructure.Storage;
using CareerConv.Infrastructure.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerConv.Infrastructure.Tests.Documents;

/// <summary>
/// The document stores on Azurite with a fresh name prefix and a staging folder of their own, so a test can
/// check that the folder is empty afterwards. Dispose removes the folder.
/// </summary>
sealed class DocumentRig : IDisposable
{
    public DocumentRig(long maxNotesBytes = DocumentOptions.DefaultMaxNotesBytes, long maxRecordBytes = DocumentOptions.DefaultMaxRecordBytes)
    {
        Clients = Azurite.Clients();
        StagingDirectory = Path.Combine(Path.GetTempPath(), "careerconv-staging-" + Clients.NamePrefix);
        Options = new DocumentOptions
        {
            MaxNotesBytes = maxNotesBytes,
            MaxRecordBytes = maxRecordBytes,
            StagingDirectory = StagingDirectory,
        };
        Containers = new DocumentContainers(Clients);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Store = new BlobDocumentStore(Containers, options, NullLogger<BlobDocumentStore>.Instance);
        Drafts = new BlobNotesDrafts(Containers, options);
        Uploads = new RecordUploads(Containers, options, NullLogger<RecordUploads>.Instance);
    }

    public StorageClients Clients { get; }

    public DocumentOptions Options { get; }

    public string StagingDirectory { get; }

    public DocumentContainers Containers { get; }

    public BlobDocumentStore Store { get; }

    public BlobNotesDrafts Drafts { get; }

    public RecordUploads Uploads { get; }

    /// <summary>Returns the names of every blob in one of the document containers.</summary>
    public async Task<List<string>> BlobNamesAsync(string container)
    {
        var client = await Containers.GetAsync(container);
        var names = new List<string>();
        await foreach (var item in client.GetBlobsAsync())
        {
            names.Add(item.Name);
        }

        return names;
    }

    /// <summary>Returns the files left in the staging folder.</summary>
    public string[] StagedFiles() =>
        Directory.Exists(StagingDirectory) ? Directory.GetFiles(StagingDirectory) : [];

    public void Dispose()
    {
        if (Directory.Exists(StagingDirectory))
        {
            Directory.Delete(StagingDirectory, recursive: true);
        }
    }
}
