using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CareerConv.Mail.Rendering;
using CareerConv.Mail.Tests.Support;
using CareerConv.Mail.Transport;
using CareerConv.Orchestrations.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareerConv.Mail.Tests.Transport;

public sealed class SendGridTransportTests
{
    const string ApiKey = "SG.test-key-that-must-never-be-logged";
    const string SendGridError = """{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from"}]}""";

    readonly RecordingLogger<SendGridTransport> logger = new();

    [Fact]
    public async Task Deliver_Accepted_PostsMailSendJsonWithHeaders()
    {
        await using var server = await RecordingServer.StartAsync();
        using var transport = Transport(server);
        var mail = Confirmed();

        await transport.DeliverAsync(mail);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer " + ApiKey, request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        var personalization = root.GetProperty("personalizations").EnumerateArray().Single();
        var to = personalization.GetProperty("to").EnumerateArray().Single();
        Assert.Equal(Samples.Reviewer.Email, to.GetProperty("email").GetString());
        Assert.Equal(Samples.Reviewer.Name, to.GetProperty("name").GetString());
        Assert.Equal("careers@example.ac.uk", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Career Conversations", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(mail.Subject, root.GetProperty("subject").GetString());
        Assert.False(personalization.TryGetProperty("cc", out _));
        var contents = root.GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal(["text/plain", "text/html"], contents.Select(c => c.GetProperty("type").GetString()));
        Assert.Equal(mail.Text, contents[0].GetProperty("value").GetString());
        Assert.Equal(mail.Html, contents[1].GetProperty("value").GetString());
        Assert.Equal(mail.MessageId, personalization.GetProperty("custom_args").GetProperty(SendGridTransport.MessageIdArgument).GetString());
        Assert.Equal("MeetingConfirmed", personalization.GetProperty("custom_args").GetProperty(SendGridTransport.MessageKindArgument).GetString());
        var attachment = root.GetProperty("attachments").EnumerateArray().Single();
        Assert.Equal("invite.ics", attachment.GetProperty("filename").GetString());
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", attachment.GetProperty("type").GetString());
        Assert.Equal(mail.Invite!.Content, Encoding.UTF8.GetString(Convert.FromBase64String(attachment.GetProperty("content").GetString()!)));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Deliver_ClientError_FailsOnceWithStatusAndErrorLogged(int status)
    {
        await using var server = await RecordingServer.StartAsync(new ScriptedResponse(status, SendGridError));
        using var transport = Transport(server);
        var mail = Confirmed();

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.DeliverAsync(mail));

        Assert.Single(server.Requests);
        Assert.Equal(status, error.StatusCode);
        Assert.Contains("verified Sender Identity", error.Message, StringComparison.Ordinal);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        var logged = Assert.Single(logger.Records, r => r.Level == LogLevel.Error);
        Assert.Contains("MeetingConfirmed", logged.Message, StringComparison.Ordinal);
        Assert.Contains(Samples.ConversationId, logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Records, r => r.Message.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deliver_RateLimited_WaitsUntilResetThenSends()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds();
        await using var server = await RecordingServer.StartAsync(new ScriptedResponse(429,
            """{"errors":[{"message":"too many requests"}]}""",
            new Dictionary<string, string> { ["X-RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        using var transport = Transport(server);

        await transport.DeliverAsync(Confirmed());

        Assert.Equal(2, server.Requests.Count);
        // Reset is in whole seconds, so the retry may come up to a second before the reset instant's end.
        Assert.True(server.Requests[1].ReceivedAt >= DateTimeOffset.FromUnixTimeSeconds(reset).AddMilliseconds(-50),
            $"retried at {server.Requests[1].ReceivedAt:O}, before the reset at {DateTimeOffset.FromUnixTimeSeconds(reset):O}");
        Assert.Contains(logger.Records, r => r.Level == LogLevel.Warning && r.Message.Contains("429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deliver_DistantReset_WaitIsCapped()
    {
        var reset = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        await using var server = await RecordingServer.StartAsync(new ScriptedResponse(429, "",
            new Dictionary<string, string> { ["X-RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        using var transport = Transport(server, o => o.SendGrid.MaxRateLimitWait = TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await transport.DeliverAsync(Confirmed());

        Assert.Equal(2, server.Requests.Count);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Deliver_ServerErrorThenAccepted_RetriesWithBackoff()
    {
        await using var server = await RecordingServer.StartAsync(
            new ScriptedResponse(500, """{"errors":[{"message":"internal error"}]}"""),
            new ScriptedResponse(503));
        using var transport = Transport(server);

        await transport.DeliverAsync(Confirmed());

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(server.Requests[0].Body, server.Requests[2].Body);
        Assert.True(server.Requests[2].ReceivedAt - server.Requests[1].ReceivedAt >= TimeSpan.FromMilliseconds(35),
            "the second retry waits twice the first delay");
    }

    [Fact]
    public async Task Deliver_ServerErrorEveryTime_GivesUp()
    {
        await using var server = await RecordingServer.StartAsync(
            Enumerable.Repeat(new ScriptedResponse(502, "bad gateway"), 5).ToArray());
        using var transport = Transport(server, o => o.SendGrid.MaxAttempts = 3);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.DeliverAsync(Confirmed()));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(502, error.StatusCode);
        Assert.Equal("bad gateway", error.Error);
        Assert.Contains(logger.Records, r => r.Level == LogLevel.Error && r.EventId == 4003);
    }

    SendGridTransport Transport(RecordingServer server, Action<MailOptions>? configure = null)
    {
        var options = Pipeline.Options(o =>
        {
            o.SendGrid.ApiKey = ApiKey;
            o.SendGrid.Host = server.Address;
            o.SendGrid.RetryDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(o);
        });
        return new SendGridTransport(Options.Create(options), TimeProvider.System, logger);
    }

    static RenderedMail Confirmed() =>
        Pipeline.Renderer().Render(Samples.Message(MessageKind.MeetingConfirmed, ActorRole.Reviewer, meeting: Samples.Meeting))[0];
}
