using System.Text;
using CareerConv.Orchestrations.Storage;

namespace CareerConv.Orchestrations.Tests.Storage;

public sealed class InMemoryDocumentStoreTests
{
    [Fact]
    public async Task Save_Notes_ReturnsNameChecksumAndSize()
    {
        var store = new InMemoryDocumentStore();
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("abc"));

        var stored = await store.SaveAsync(DocumentKind.Notes, "c1", 1, content);

        Assert.Equal("notes/c1/1.json", stored.BlobName);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", stored.Sha256);
        Assert.Equal(3, stored.SizeBytes);
    }

    [Fact]
    public async Task Open_SavedRecord_ReturnsSameBytes()
    {
        var store = new InMemoryDocumentStore();
        var bytes = "%PDF-1.7 signed"u8.ToArray();
        var stored = await store.SaveAsync(DocumentKind.Record, "c1", 2, new MemoryStream(bytes));

        await using var read = await store.OpenAsync(stored.BlobName);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);

        Assert.Equal("records/c1/2.pdf", stored.BlobName);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Save_SameVersionTwice_RejectsTheSecond()
    {
        var store = new InMemoryDocumentStore();
        await store.SaveAsync(DocumentKind.Record, "c1", 1, new MemoryStream([1]));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.SaveAsync(DocumentKind.Record, "c1", 1, new MemoryStream([2])));

        Assert.Contains("records/c1/1.pdf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_UnknownName_ReturnsNull()
    {
        Assert.Null(await new InMemoryDocumentStore().OpenAsync("records/none/1.pdf"));
    }
}
