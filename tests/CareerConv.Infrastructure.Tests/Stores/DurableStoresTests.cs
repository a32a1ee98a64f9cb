using CareerConv.Infrastructure.Stores;
using CareerConv.Infrastructure.Tests.Storage;
using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Infrastructure.Tests.Stores;

public sealed class DurableStoresTests
{
    static readonly DateTimeOffset At = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Timeline_SameEntryTwice_StoredOnceAndOrdered()
    {
        var store = new TableTimelineStore(Azurite.Clients());
        var second = new TimelineEntry("2026-autumn:S1", At, TimelineEntryKind.MessageSent, "MeetingRequest sent", "2:2026-autumn:S1/MeetingRequest/1/r1");
        var first = new TimelineEntry("2026-autumn:S1", At, TimelineEntryKind.Started, "Conversation started", "1:2026-autumn");

        await store.AppendAsync(second);
        await store.AppendAsync(first);
        await store.AppendAsync(second);
        var entries = await store.ReadAsync("2026-autumn:S1");

        Assert.Equal([first, second], entries);
        Assert.Empty(await store.ReadAsync("2026-autumn:S2"));
    }

    [Fact]
    public async Task Directory_RegisterTwice_SamePairAllowedOtherRejected()
    {
        var directory = new TableConversationDirectory(Azurite.Clients());

        await directory.RegisterAsync("k3v7abcdefgh", "2026-autumn:S1");
        await directory.RegisterAsync("k3v7abcdefgh", "2026-autumn:S1");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => directory.RegisterAsync("k3v7abcdefgh", "2026-autumn:S2"));

        Assert.Equal("2026-autumn:S1", await directory.FindInstanceIdAsync("k3v7abcdefgh"));
        Assert.Null(await directory.FindInstanceIdAsync("unknown-id"));
        Assert.Null(await directory.FindInstanceIdAsync("x"));
        Assert.Contains("k3v7abcdefgh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportLedger_RecordedStaff_ListedPerCycle()
    {
        var ledger = new TableImportLedger(Azurite.Clients());

        await ledger.RecordAsync("2026-autumn", "s0001", "import-a", At);
        await ledger.RecordAsync("2026-autumn", "S0001", "import-b", At);
        await ledger.RecordAsync("2027-spring", "S0002", "import-c", At);

        Assert.Equal(["S0001"], await ledger.StartedAsync("2026-autumn"));
        Assert.Equal(["S0002"], await ledger.StartedAsync("2027-spring"));
    }

    [Fact]
    public async Task ImportBatches_SavedBatch_ReadsBackAndMissingOneIsNamed()
    {
        var batches = new BlobImportBatches(Azurite.Clients());
        ConversationInput[] inputs =
        [
            new("2026-autumn:S1", "c1", "2026-autumn", "SCI", "PHYS", new StaffMember("S1", "Zoë O'Brien-Núñez", "z@example.ac.uk")),
        ];

        await batches.SaveAsync("import-a", 0, inputs);
        var read = await batches.ReadAsync("import-a", 0);
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => batches.ReadAsync("import-a", 1));

        Assert.Equal(inputs, read);
        Assert.Contains("batch 1", error.Message, StringComparison.Ordinal);
    }
}
