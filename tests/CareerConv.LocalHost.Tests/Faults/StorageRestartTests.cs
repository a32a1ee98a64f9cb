using System.Globalization;
using CareerConv.Mail.Transport;
using Xunit.Abstractions;

namespace CareerConv.LocalHost.Tests.Faults;

/// <summary>
/// Azure Storage (the test's own Azurite) stopped and started again while the local host is delivering
/// a step's emails. The host keeps running; conversations finish once storage is back.
/// </summary>
[Collection(nameof(SerialFaults))]
public sealed class StorageRestartTests(ITestOutputHelper output) : IDisposable
{
    const int Conversations = 4;

    readonly string data = Directory.CreateTempSubdirectory("careerconv-storage-").FullName;

    [Fact]
    public async Task Storage_StoppedMidCycle_ConversationsFinishAfterRestart()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = timeout.Token;
        using var azurite = new AzuriteProcess(Path.Combine(data, "azurite"));
        await azurite.StartAsync(ct);
        var adminKey = "storage-test-" + Guid.NewGuid().ToString("N");
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var outbox = Path.Combine(data, "host", "outbox");
        Directory.CreateDirectory(Path.Combine(data, "host"));
        using var host = HostProcess.Start(Path.Combine(data, "host"), port, "s" + Guid.NewGuid().ToString("N")[..10], adminKey, azurite.ConnectionString);
        await host.WaitUntilReadyAsync(address, ct);
        using var driver = new ConversationDriver(address, adminKey, File.ReadAllText(Path.Combine(data, "host", "link-key")).Trim());
        var conversations = await Task.WhenAll(Enumerable.Range(1, Conversations)
            .Select(i => driver.StartAsync(string.Create(CultureInfo.InvariantCulture, $"A{i:D4}"), ct)));
        await Task.WhenAll(conversations.Select(c => driver.WaitForStageAsync(c.StaffNumber, "MeetingScheduling", ct)));

        // Each meeting sends MeetingConfirmed to two people; storage stops while those are on their way.
        await Task.WhenAll(conversations.Select(c => driver.ScheduleMeetingAsync(c, ct)));
        await azurite.StopAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var writtenBeforeRestart = (await OutboxIndex.ReadAsync(outbox, ct)).Count;
        await Task.Delay(TimeSpan.FromSeconds(4), ct);
        await azurite.StartAsync(ct);
        try
        {
            await Task.WhenAll(conversations.Select(c => LocalHostKillTests.FinishAsync(driver, c, ct)));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The conversations did not finish within 150 s. Host output:\n{host.Log}");
        }

        var index = await OutboxIndex.ReadAsync(outbox, ct);
        var repeats = OutboxChecks.AssertRepeatsOnlyAcrossCrash(index, writtenBeforeRestart);
        output.WriteLine($"{writtenBeforeRestart} emails written before storage came back; {index.Count} in all; repeated across the outage: {repeats.Count}");
        foreach (var conversation in conversations)
        {
            Assert.Equal("Completed", (await driver.StatusAsync(conversation.StaffNumber, ct))?.RuntimeStatus);
            var sent = index.Where(e => e.Id.Contains(":" + conversation.StaffNumber + "/", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, sent.Where(e => e.Kind == "MeetingConfirmed").Select(e => e.To.Single()).Distinct().Count());
            Assert.Contains(sent, e => e.Kind == "Completion");
            Assert.Equal(LocalHostKillTests.Sha256(conversation.Record!), await driver.DownloadRecordHashAsync(conversation, ct));
            Assert.Contains(ConversationDriver.NotesText(conversation.StaffNumber), conversation.NotesPage, StringComparison.Ordinal);
        }
    }

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
