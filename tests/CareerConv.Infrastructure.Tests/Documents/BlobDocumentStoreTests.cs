using System.Security.Cryptography;
using System.Text;
using CareerConv.Infrastructure.Documents;
using CareerConv.Orchestrations.Storage;

namespace CareerConv.Infrastructure.Tests.Documents;

public sealed class BlobDocumentStoreTests
{
    static MemoryStream Json(string text) => new(Encoding.UTF8.GetBytes(text));

    static async Task<byte[]> ReadAllAsync(Stream? stream)
    {
        Assert.NotNull(stream);
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    [Fact]
    public async Task SaveAsync_Notes_RoundTripsWithChecksumAndMetadata()
    {
        using var rig = new DocumentRig();
        var bytes = Encoding.UTF8.GetBytes("{\"selfAwareness\":\"Zoë writes here\"}");

        var stored = await rig.Store.SaveAsync(DocumentKind.Notes, "conv1", 1, new MemoryStream(bytes));

        Assert.Equal("notes/conv1/1.json", stored.BlobName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(bytes.LongLength, stored.SizeBytes);
        Assert.Equal(bytes, await ReadAllAsync(await rig.Store.OpenAsync(stored.BlobName)));

        var blob = (await rig.Containers.GetAsync(DocumentContainers.Notes)).GetBlobClient(stored.BlobName);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal(stored.Sha256, properties.Metadata[DocumentMetadata.Sha256]);
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), properties.Metadata[DocumentMetadata.SizeBytes]);
    }

    [Fact]
    public async Task SaveAsync_Record_IsPdfInRecordsContainer()
    {
        using var rig = new DocumentRig();
        var pdf = TestPdfs.Plain();

        var stored = await rig.Store.SaveAsync(DocumentKind.Record, "conv1", 2, new MemoryStream(pdf));

        Assert.Equal("records/conv1/2.pdf", stored.BlobName);
        Assert.Equal([stored.BlobName], await rig.BlobNamesAsync(DocumentContainers.Records));
        var blob = (await rig.Containers.GetAsync(DocumentContainers.Records)).GetBlobClient(stored.BlobName);
        Assert.Equal("application/pdf", (await blob.GetPropertiesAsync()).Value.ContentType);
        Assert.Equal(pdf, await ReadAllAsync(await rig.Store.OpenAsync(stored.BlobName)));
    }

    [Fact]
    public async Task SaveAsync_SameVersionTwice_KeepsTheFirst()
    {
        using var rig = new DocumentRig();
        await rig.Store.SaveAsync(DocumentKind.Notes, "conv1", 1, Json("{\"first\":1}"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => rig.Store.SaveAsync(DocumentKind.Notes, "conv1", 1, Json("{\"second\":2}")));

        Assert.Contains("notes/conv1/1.json", error.Message, StringComparison.Ordinal);
        Assert.Equal("{\"first\":1}", Encoding.UTF8.GetString(await ReadAllAsync(await rig.Store.OpenAsync("notes/conv1/1.json"))));
    }

    [Fact]
    public async Task SaveAsync_Versions_AreKeptSideBySide()
    {
        using var rig = new DocumentRig();

        var first = await rig.Store.SaveAsync(DocumentKind.Notes, "conv1", 1, Json("{\"v\":1}"));
        var second = await rig.Store.SaveAsync(DocumentKind.Notes, "conv1", 2, Json("{\"v\":2}"));

        Assert.NotEqual(first.Sha256, second.Sha256);
        Assert.Equal("{\"v\":1}", Encoding.UTF8.GetString(await ReadAllAsync(await rig.Store.OpenAsync(first.BlobName))));
        Assert.Equal("{\"v\":2}", Encoding.UTF8.GetString(await ReadAllAsync(await rig.Store.OpenAsync(second.BlobName))));
    }

    [Fact]
    public async Task SaveAsync_NotesOverLimit_NamesTheLimitAndStoresNothing()
    {
        using var rig = new DocumentRig(maxNotesBytes: 1024);

        var error = await Assert.ThrowsAsync<DocumentTooLargeException>(
            () => rig.Store.SaveAsync(DocumentKind.Notes, "conv1", 1, new MemoryStream(new byte[1025])));

        Assert.Equal(1024, error.MaxBytes);
        Assert.Contains("1,024 bytes (1 KiB)", error.Message, StringComparison.Ordinal);
        Assert.Null(await rig.Store.OpenAsync("notes/conv1/1.json"));
        Assert.Empty(await rig.BlobNamesAsync(DocumentContainers.Notes));
    }

    [Fact]
    public async Task SaveAsync_NotesAtLimit_IsStored()
    {
        using var rig = new DocumentRig(maxNotesBytes: 1024);

        var stored = await rig.Store.SaveAsync(DocumentKind.Notes, "conv1", 1, new MemoryStream(new byte[1024]));

        Assert.Equal(1024, stored.SizeBytes);
    }

    [Fact]
    public async Task SaveAsync_RecordLargerThanOneBlock_RoundTrips()
    {
        using var rig = new DocumentRig();
        var bytes = RandomNumberGenerator.GetBytes((9 * 1024 * 1024) + 17);

        var stored = await rig.Store.SaveAsync(DocumentKind.Record, "conv1", 1, new TrickleStream(bytes, 1024 * 1024));

        Assert.Equal(bytes.LongLength, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(bytes, await ReadAllAsync(await rig.Store.OpenAsync(stored.BlobName)));
    }

    [Theory]
    [InlineData("../other")]
    [InlineData("conv1/../../x")]
    [InlineData("..")]
    [InlineData("a\\b")]
    public async Task SaveAsync_HostileConversationId_IsRejected(string conversationId)
    {
        using var rig = new DocumentRig();

        await Assert.ThrowsAsync<ArgumentException>(
            () => rig.Store.SaveAsync(DocumentKind.Notes, conversationId, 1, Json("{}")));
    }

    [Theory]
    [InlineData("notes/none/1.json")]
    [InlineData("records/none/1.pdf")]
    [InlineData("notes/../records/x/1.pdf")]
    [InlineData("notes/x/1.txt")]
    [InlineData("")]
    public async Task OpenAsync_UnknownOrMalformedName_ReturnsNull(string blobName)
    {
        using var rig = new DocumentRig();

        Assert.Null(await rig.Store.OpenAsync(blobName));
    }
}
