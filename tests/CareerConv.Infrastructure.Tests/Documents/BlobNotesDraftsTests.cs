using CareerConv.Infrastructure.Documents;
using CareerConv.Orchestrations.Storage;

namespace CareerConv.Infrastructure.Tests.Documents;

public sealed class BlobNotesDraftsTests
{
    static readonly ReflectionNotes Draft = new("Doing well — Siân's feedback", "New role", "Teaching", "Apply for a fellowship");

    [Fact]
    public async Task ReadDraftAsync_NoDraft_ReturnsNull()
    {
        using var rig = new DocumentRig();

        Assert.Null(await rig.Drafts.ReadDraftAsync("conv1"));
    }

    [Fact]
    public async Task SaveDraftAsync_ThenRead_RoundTrips()
    {
        using var rig = new DocumentRig();

        await rig.Drafts.SaveDraftAsync("conv1", Draft);

        Assert.Equal(Draft, await rig.Drafts.ReadDraftAsync("conv1"));
        var blob = (await rig.Containers.GetAsync(DocumentContainers.Drafts)).GetBlobClient("conv1.json");
        Assert.Equal("application/json", (await blob.GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task SaveDraftAsync_Twice_OverwritesTheDraft()
    {
        using var rig = new DocumentRig();
        await rig.Drafts.SaveDraftAsync("conv1", Draft);

        var changed = Draft with { GoalsAndPlans = "Lead a module" };
        await rig.Drafts.SaveDraftAsync("conv1", changed);

        Assert.Equal(changed, await rig.Drafts.ReadDraftAsync("conv1"));
        Assert.Equal(["conv1.json"], await rig.BlobNamesAsync(DocumentContainers.Drafts));
    }

    [Fact]
    public async Task SaveDraftAsync_OverLimit_KeepsThePreviousDraft()
    {
        using var rig = new DocumentRig(maxNotesBytes: 512);
        await rig.Drafts.SaveDraftAsync("conv1", Draft);

        var error = await Assert.ThrowsAsync<DocumentTooLargeException>(
            () => rig.Drafts.SaveDraftAsync("conv1", Draft with { Context = new string('x', 600) }));

        Assert.Contains("512 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(Draft, await rig.Drafts.ReadDraftAsync("conv1"));
    }

    [Fact]
    public async Task SaveDraftAsync_HostileConversationId_IsRejected()
    {
        using var rig = new DocumentRig();

        await Assert.ThrowsAsync<ArgumentException>(() => rig.Drafts.SaveDraftAsync("../conv1", Draft));
    }
}
