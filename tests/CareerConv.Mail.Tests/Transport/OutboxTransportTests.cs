using CareerConv.Mail.Tests.Support;
using CareerConv.Mail.Transport;
using CareerConv.Orchestrations.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareerConv.Mail.Tests.Transport;

public sealed class OutboxTransportTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "careerconv-outbox-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Deliver_TwoMails_WritesFilesAndIndex()
    {
        var renderer = Pipeline.Renderer();
        var request = renderer.Render(Samples.Message(MessageKind.ReflectionInvitation, ActorRole.Staff, Samples.Deadline, DeadlineKind.Reflection))[0];
        var confirmed = renderer.Render(Samples.Message(MessageKind.MeetingConfirmed, ActorRole.Reviewer, meeting: Samples.Meeting))[0];
        using (var transport = Transport())
        {
            await transport.DeliverAsync(request);
            await transport.DeliverAsync(confirmed);
        }

        var index = await OutboxIndex.ReadAsync(folder);

        Assert.Equal([1, 2], index.Select(e => e.Sequence));
        Assert.Equal(["000001-ReflectionInvitation.eml", "000002-MeetingConfirmed.eml"], index.Select(e => e.File));
        Assert.Equal(request.MessageId, index[0].Id);
        Assert.Equal([Samples.Staff.Email], index[0].To);
        Assert.Equal(request.Subject, index[0].Subject);
        var eml = await MimeMessage.LoadAsync(Path.Combine(folder, index[0].File));
        Assert.Equal(request.Subject, eml.Subject);
        Assert.Equal(Samples.Staff.Name, eml.To.Mailboxes.Single().Name);
        Assert.Equal(request.Text, eml.TextBody);
        Assert.Equal(request.Html, eml.HtmlBody);
        Assert.Equal(request.MessageId, eml.Headers[MimeMail.MessageIdHeader]);
        Assert.Empty(eml.Attachments);
        var invite = (MimePart)(await MimeMessage.LoadAsync(Path.Combine(folder, index[1].File))).Attachments.Single();
        Assert.Equal("REQUEST", invite.ContentType.Parameters["method"]);
        Assert.Equal("invite.ics", invite.FileName);
    }

    [Fact]
    public async Task Deliver_NewTransportOnSameFolder_ContinuesSequence()
    {
        var mail = Pipeline.Renderer().Render(Samples.Message(MessageKind.Completion, ActorRole.Staff))[0];
        using (var first = Transport())
        {
            await first.DeliverAsync(mail);
        }

        using (var second = Transport())
        {
            await second.DeliverAsync(mail);
        }

        var index = await OutboxIndex.ReadAsync(folder);
        Assert.Equal(["000001-Completion.eml", "000002-Completion.eml"], index.Select(e => e.File));
    }

    [Fact]
    public async Task ReadAsync_NoFolder_Empty() => Assert.Empty(await OutboxIndex.ReadAsync(folder));

    OutboxTransport Transport() =>
        new(Options.Create(Pipeline.Options(o => o.OutboxFolder = folder)), TimeProvider.System, NullLogger<OutboxTransport>.Instance);

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
