using CareerConv.Infrastructure.Privacy;
using CareerConv.Infrastructure.Stores;
using CareerConv.Infrastructure.Tests.Storage;
using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Infrastructure.Tests.Stores;

public sealed class StorageConversationDataEraserTests
{
    [Fact]
    public async Task Erase_Conversation_DeletesItsBlobsRowsAndNothingElse()
    {
        var clients = Azurite.Clients();
        var conversation = new ConversationInput("2026-autumn:S0001", "ab12cd34", "2026-autumn", "SCI", "PHYS",
            new StaffMember("S0001", "Zoë O'Brien-Núñez", "z@example.ac.uk"));
        var notes = clients.Container("notes");
        var records = clients.Container("records");
        await notes.CreateIfNotExistsAsync();
        await records.CreateIfNotExistsAsync();
        await notes.GetBlobClient("ab12cd34/1.json").UploadAsync(BinaryData.FromString("{}"));
        await notes.GetBlobClient("zz99/1.json").UploadAsync(BinaryData.FromString("{}"));
        await records.GetBlobClient("SCI/2026-autumn/S0001/upload1.pdf").UploadAsync(BinaryData.FromString("%PDF"));
        await records.GetBlobClient("SCI/2026-autumn/S0002/upload2.pdf").UploadAsync(BinaryData.FromString("%PDF"));
        var timeline = new TableTimelineStore(clients);
        await timeline.AppendAsync(new TimelineEntry(conversation.InstanceId, DateTimeOffset.UnixEpoch, TimelineEntryKind.Started, "Started", "1:x"));
        await new TableConversationDirectory(clients).RegisterAsync("ab12cd34", conversation.InstanceId);

        var erased = await new StorageConversationDataEraser(clients).EraseAsync(conversation);

        Assert.Equal(4, erased);
        Assert.False(await notes.GetBlobClient("ab12cd34/1.json").ExistsAsync());
        Assert.True(await notes.GetBlobClient("zz99/1.json").ExistsAsync());
        Assert.False(await records.GetBlobClient("SCI/2026-autumn/S0001/upload1.pdf").ExistsAsync());
        Assert.True(await records.GetBlobClient("SCI/2026-autumn/S0002/upload2.pdf").ExistsAsync());
        Assert.Empty(await timeline.ReadAsync(conversation.InstanceId));
        Assert.Null(await new TableConversationDirectory(clients).FindInstanceIdAsync("ab12cd34"));
    }
}
