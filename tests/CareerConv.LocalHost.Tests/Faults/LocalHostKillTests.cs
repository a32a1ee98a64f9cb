using System.Globalization;
using CareerConv.Mail.Transport;
using Xunit.Abstractions;

namespace CareerConv.LocalHost.Tests.Faults;

/// <summary>
/// The local host killed with SIGKILL while conversations are starting, then started again on the same
/// task hub, outbox and link key. Runs on the Azurite that scripts/test.sh starts.
/// </summary>
[Collection(nameof(SerialFaults))]
public sealed class LocalHostKillTests(ITestOutputHelper output) : IDisposable
{
    const int Conversations = 12;

    readonly string data = Directory.CreateTempSubdirectory("careerconv-kill-").FullName;

    [Fact]
    public async Task LocalHost_KilledDuringActivity_LosesNothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = timeout.Token;
        var scratch = "k" + Guid.NewGuid().ToString("N")[..10];
        var adminKey = "kill-test-" + Guid.NewGuid().ToString("N");
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var outbox = Path.Combine(data, "outbox");

        int writtenBeforeKill;
        List<DrivenConversation> conversations;
        using (var first = HostProcess.Start(data, port, scratch, adminKey))
        {
            await first.WaitUntilReadyAsync(address, ct);
            using var starter = Driver(address, adminKey);
            conversations = [.. await Task.WhenAll(Enumerable.Range(1, Conversations)
                .Select(i => starter.StartAsync(string.Create(CultureInfo.InvariantCulture, $"K{i:D4}"), ct)))];

            // Two emails per conversation are on their way: kill as soon as the first one is listed.
            await OutboxChecks.WaitForFirstAsync(outbox, ct);
            first.Kill();
            writtenBeforeKill = (await OutboxIndex.ReadAsync(outbox, ct)).Count;
        }

        using var second = HostProcess.Start(data, port, scratch, adminKey);
        await second.WaitUntilReadyAsync(address, ct);
        using var driver = Driver(address, adminKey);
        try
        {
            await Task.WhenAll(conversations.Select(c => FinishAsync(driver, c, ct)));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The conversations did not finish within 150 s after the restart. Host output:\n{second.Log}");
        }

        var index = await OutboxIndex.ReadAsync(outbox, ct);
        var repeats = OutboxChecks.AssertRepeatsOnlyAcrossCrash(index, writtenBeforeKill);
        output.WriteLine($"{writtenBeforeKill} of {Conversations * 2} first emails written before the kill; {index.Count} in all; repeated across the crash: {repeats.Count}");
        foreach (var conversation in conversations)
        {
            var status = await driver.StatusAsync(conversation.StaffNumber, ct);
            Assert.Equal("Completed", status?.RuntimeStatus);
            var kinds = index.Where(e => e.Id.Contains(":" + conversation.StaffNumber + "/", StringComparison.Ordinal)).Select(e => e.Kind).ToHashSet();
            Assert.Superset(new HashSet<string> { "MeetingRequest", "ReflectionInvitation", "MeetingConfirmed", "NotesReady", "HandoffRequest", "Completion" }, kinds);
            Assert.Equal(Sha256(conversation.Record!), await driver.DownloadRecordHashAsync(conversation, ct));
            Assert.Contains(ConversationDriver.NotesText(conversation.StaffNumber), conversation.NotesPage, StringComparison.Ordinal);
        }
    }

    /// <summary>Plays each role in turn until the conversation completes.</summary>
    internal static async Task FinishAsync(ConversationDriver driver, DrivenConversation conversation, CancellationToken ct)
    {
        await driver.WaitForStageAsync(conversation.StaffNumber, "MeetingScheduling", ct);
        await driver.ScheduleMeetingAsync(conversation, ct);
        await driver.WaitForStageAsync(conversation.StaffNumber, "AwaitingMeeting", ct);
        await driver.SendNotesAsync(conversation, ct);
        await driver.UploadRecordAsync(conversation, ct);
        await driver.WaitForStageAsync(conversation.StaffNumber, "Handoff", ct);

        // The notes page closes when the conversation completes, so it is read before the handoff.
        conversation.NotesPage = await driver.ReadNotesPageAsync(conversation, ct);
        await driver.ConfirmHandoffAsync(conversation, ct);
        await driver.WaitForStageAsync(conversation.StaffNumber, "Completed", ct);
    }

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    ConversationDriver Driver(Uri address, string adminKey) =>
        new(address, adminKey, File.ReadAllText(Path.Combine(data, "link-key")).Trim());

    public void Dispose()
    {
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying child process; the temporary folder is left behind.
        }
    }
}

/// <summary>A free TCP port on 127.0.0.1.</summary>
static class FreePort
{
    public static int Next()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
