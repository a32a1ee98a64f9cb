using Azure.Data.Tables;

namespace CareerConv.Infrastructure.Tests.Storage;

public sealed class StorageClientsTests
{
    [Fact]
    public async Task Container_OnAzurite_RoundTripsABlob()
    {
        var clients = Azurite.Clients();
        var container = clients.Container("probe");
        await container.CreateIfNotExistsAsync();

        await container.GetBlobClient("a/b.txt").UploadAsync(BinaryData.FromString("hello"));
        var read = await container.GetBlobClient("a/b.txt").DownloadContentAsync();

        Assert.Equal("hello", read.Value.Content.ToString());
        Assert.StartsWith(clients.NamePrefix + "-", container.Name, StringComparison.Ordinal);
        await container.DeleteAsync();
    }

    [Fact]
    public async Task Table_OnAzurite_RoundTripsAnEntity()
    {
        var table = Azurite.Clients().Table("Probe");
        await table.CreateIfNotExistsAsync();

        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = "x" });
        var entity = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal("x", entity.Value.GetString("Value"));
        await table.DeleteAsync();
    }
}
