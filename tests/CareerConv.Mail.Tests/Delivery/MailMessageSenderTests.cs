using CareerConv.Mail.Delivery;
using CareerConv.Mail.Ledger;
using CareerConv.Mail.Tests.Support;
using CareerConv.Mail.Transport;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerConv.Mail.Tests.Delivery;

/// <summary>The whole sender (templates, the ledger on Azurite, SendGrid against a local server), as an activity runs it.</summary>
public sealed class MailMessageSenderTests
{
    const string Rejected = """{"errors":[{"message":"Bad Request"}]}""";

    readonly string prefix = Azurite.NewPrefix();

    [Fact]
    public async Task Send_RetriedAfterSuccess_SendsOnce()
    {
        await using var server = await RecordingServer.StartAsync();
        var (sender, ledger, transport) = Build(server);
        using var _ = transport;
        var message = Samples.Message(MessageKind.ReviewerRequest, ActorRole.HeadOfDepartment, Samples.Deadline, DeadlineKind.ReviewerAssignment);

        var first = await sender.SendAsync(message);
        var second = await sender.SendAsync(message);

        Assert.True(first);
        Assert.False(second);
        Assert.Single(server.Requests);
        var record = await ledger.ReadAsync(message.Id);
        Assert.Equal(SendState.Sent, record!.State);
        Assert.Equal(1, record.Attempts);
        Assert.Equal([Samples.Head.Email], record.Delivered);
    }

    [Fact]
    public async Task Send_FailedThenRetried_SendsOnce()
    {
        await using var server = await RecordingServer.StartAsync(new ScriptedResponse(400, Rejected));
        var (sender, ledger, transport) = Build(server);
        using var _ = transport;
        var message = Samples.Message(MessageKind.RecordRequest, ActorRole.Reviewer, Samples.Deadline, DeadlineKind.RecordUpload);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => sender.SendAsync(message));
        var afterFailure = await ledger.ReadAsync(message.Id);
        var retried = await sender.SendAsync(message);
        var again = await sender.SendAsync(message);

        Assert.Equal(400, failure.StatusCode);
        Assert.Equal(SendState.Failed, afterFailure!.State);
        Assert.Contains("Bad Request", afterFailure.LastError, StringComparison.Ordinal);
        Assert.True(retried);
        Assert.False(again);
        Assert.Equal(2, server.Requests.Count);
        var record = await ledger.ReadAsync(message.Id);
        Assert.Equal(SendState.Sent, record!.State);
        Assert.Equal(2, record.Attempts);
    }

    [Fact]
    public async Task Send_SecondRecipientFailed_RetrySendsMissing()
    {
        await using var server = await RecordingServer.StartAsync(new ScriptedResponse(202), new ScriptedResponse(400, Rejected));
        var (sender, _, transport) = Build(server);
        using var __ = transport;
        var message = Samples.Message(MessageKind.MeetingConfirmed, [Samples.For(ActorRole.Reviewer), Samples.For(ActorRole.Staff)],
            null, null, Samples.Meeting, ActorRole.Reviewer);

        await Assert.ThrowsAsync<MailDeliveryException>(() => sender.SendAsync(message));
        var retried = await sender.SendAsync(message);

        Assert.True(retried);
        Assert.Equal([Samples.Reviewer.Email, Samples.Staff.Email, Samples.Staff.Email], server.Requests.Select(ToAddress));
    }

    [Fact]
    public async Task Send_DuplicateRecipients_EachAddressOnce()
    {
        await using var server = await RecordingServer.StartAsync();
        var (sender, _, transport) = Build(server);
        using var _ = transport;
        var reviewer = Samples.For(ActorRole.Reviewer);
        var upperCase = new Recipient(ActorRole.Reviewer, new Person("Siân", Samples.Reviewer.Email.ToUpperInvariant()));
        var coordinator = Samples.For(ActorRole.Coordinator);
        var message = Samples.Message(MessageKind.NotesReady, [reviewer, upperCase], null, null, null, ActorRole.Reviewer,
            cc: [upperCase, coordinator, new Recipient(ActorRole.Coordinator, new Person("G", "G.Pryce@Example.ac.uk"))]);

        await sender.SendAsync(message);

        Assert.Equal([Samples.Reviewer.Email, Samples.Coordinator.Email], server.Requests.Select(ToAddress));
    }

    [Fact]
    public async Task Send_LeaseHeld_ThrowsInProgress()
    {
        await using var server = await RecordingServer.StartAsync();
        var (sender, ledger, transport) = Build(server);
        using var _ = transport;
        var message = Samples.Message(MessageKind.HandoffRequest, ActorRole.Coordinator, Samples.Deadline, DeadlineKind.Handoff);
        await ledger.ClaimAsync(message);

        var error = await Assert.ThrowsAsync<SendInProgressException>(() => sender.SendAsync(message));

        Assert.Equal(message.Id, error.MessageId);
        Assert.Empty(server.Requests);
        Assert.Equal(SendState.Sending, (await ledger.ReadAsync(message.Id))!.State);
    }

    [Fact]
    public async Task Send_LeaseExpired_TakesOverAndSends()
    {
        await using var server = await RecordingServer.StartAsync();
        var clock = new SettableClock(Samples.At("2026-03-02T09:00:00Z"));
        var (sender, ledger, transport) = Build(server, clock);
        using var _ = transport;
        var message = Samples.Message(MessageKind.Completion, ActorRole.Staff);
        await ledger.ClaimAsync(message);

        clock.Now += TimeSpan.FromMinutes(3);
        var sent = await sender.SendAsync(message);

        Assert.True(sent);
        Assert.Single(server.Requests);
        Assert.Equal(2, (await ledger.ReadAsync(message.Id))!.Attempts);
    }

    (MailMessageSender Sender, SendLedger Ledger, SendGridTransport Transport) Build(RecordingServer server, TimeProvider? clock = null)
    {
        var options = Options.Create(Pipeline.Options(o =>
        {
            o.SendGrid.ApiKey = "SG.test";
            o.SendGrid.Host = server.Address;
            o.SendGrid.RetryDelay = TimeSpan.FromMilliseconds(10);
        }));
        var ledger = new SendLedger(Azurite.Clients(prefix), options, clock ?? TimeProvider.System);
        var transport = new SendGridTransport(options, TimeProvider.System, NullLogger<SendGridTransport>.Instance);
        var sender = new MailMessageSender(Pipeline.Renderer(options.Value), ledger, transport, options, NullLogger<MailMessageSender>.Instance);
        return (sender, ledger, transport);
    }

    static string ToAddress(RecordedRequest request)
    {
        using var json = System.Text.Json.JsonDocument.Parse(request.Body);
        return json.RootElement.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!;
    }
}

/// <summary>A clock the test moves by hand.</summary>
sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
