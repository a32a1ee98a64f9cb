using System.Diagnostics;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CareerConv.Mail.Rendering;
using CareerConv.Mail.Tests.Support;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using Xunit.Abstractions;

namespace CareerConv.Mail.Tests.Rendering;

public sealed class MailRendererTests(ITestOutputHelper output)
{
    /// <summary>What each kind is about: its recipient, whether its body shows the deadline and the meeting, and whether it carries a link.</summary>
    public static TheoryData<MessageKind, ActorRole, DeadlineKind?, bool, bool> Kinds => new()
    {
        { MessageKind.ReviewerRequest, ActorRole.HeadOfDepartment, DeadlineKind.ReviewerAssignment, false, true },
        { MessageKind.ReviewerRequestReminder, ActorRole.HeadOfDepartment, DeadlineKind.ReviewerAssignment, false, true },
        { MessageKind.MeetingRequest, ActorRole.Reviewer, DeadlineKind.MeetingScheduling, false, true },
        { MessageKind.MeetingRequestReminder, ActorRole.Reviewer, DeadlineKind.MeetingScheduling, false, true },
        { MessageKind.ReflectionInvitation, ActorRole.Staff, DeadlineKind.Reflection, false, true },
        { MessageKind.ReflectionReminder, ActorRole.Staff, DeadlineKind.Reflection, true, true },
        { MessageKind.NotesReady, ActorRole.Reviewer, null, true, true },
        { MessageKind.ReflectionMissed, ActorRole.Reviewer, DeadlineKind.Reflection, true, true },
        { MessageKind.MeetingConfirmed, ActorRole.Reviewer, null, true, true },
        { MessageKind.MeetingReminder, ActorRole.Staff, null, true, true },
        { MessageKind.MeetingCancelled, ActorRole.Reviewer, null, true, false },
        { MessageKind.RecordRequest, ActorRole.Reviewer, DeadlineKind.RecordUpload, false, true },
        { MessageKind.RecordReminder, ActorRole.Reviewer, DeadlineKind.RecordUpload, false, true },
        { MessageKind.HandoffRequest, ActorRole.Coordinator, DeadlineKind.Handoff, false, true },
        { MessageKind.HandoffReminder, ActorRole.Coordinator, DeadlineKind.Handoff, false, true },
        { MessageKind.Escalation, ActorRole.HeadOfDepartment, DeadlineKind.RecordUpload, false, false },
        { MessageKind.Completion, ActorRole.Staff, null, false, true },
        { MessageKind.WithdrawalNotice, ActorRole.Staff, null, false, false },
        { MessageKind.FreshLink, ActorRole.Reviewer, null, false, true },
    };

    static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    [Fact]
    public void Kinds_TableCoversEveryMessageKind() =>
        Assert.Equal(Enum.GetValues<MessageKind>().Order(), Kinds.Select(row => (MessageKind)row[0]).Order());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_EachKind_TextIsUnencoded(
        MessageKind kind, ActorRole to, DeadlineKind? deadlineKind, bool showsMeeting, bool hasLink)
    {
        var message = Sample(kind, to, deadlineKind, hasLink);

        var mail = Pipeline.Renderer().Render(message).Single();

        var recipient = Samples.For(to).Person.Name;
        Assert.StartsWith($"Dear {recipient},", mail.Text, StringComparison.Ordinal);
        Assert.Contains(Samples.Staff.Name, mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", mail.Text, StringComparison.Ordinal);
        AssertPresence(deadlineKind is not null, Samples.DeadlineText, mail.Text);
        AssertPresence(hasLink, Link(message).AbsoluteUri, mail.Text);
        AssertPresence(showsMeeting, Samples.MeetingText, mail.Text);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_EachKind_HtmlIsEncoded(
        MessageKind kind, ActorRole to, DeadlineKind? deadlineKind, bool showsMeeting, bool hasLink)
    {
        var message = Sample(kind, to, deadlineKind, hasLink);

        var mail = Pipeline.Renderer().Render(message).Single();

        var recipient = Samples.For(to).Person.Name;
        Assert.Contains($"Dear {Html.Encode(recipient)},", mail.Html, StringComparison.Ordinal);
        Assert.Contains("O&#x27;", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("O'", mail.Html, StringComparison.Ordinal);
        Assert.Contains(recipient, WebUtility.HtmlDecode(mail.Html), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<North>", mail.Html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", mail.Html, StringComparison.Ordinal);
        AssertPresence(deadlineKind is not null, Samples.DeadlineText, mail.Html);
        AssertPresence(hasLink, $"href=\"{Html.Encode(Link(message).AbsoluteUri)}\"", mail.Html);
        AssertPresence(showsMeeting, Samples.MeetingText, mail.Html);
    }

    [Fact]
    public void Render_EveryKind_SubjectIsOneLine()
    {
        foreach (var row in Kinds)
        {
            var mail = Pipeline.Renderer().Render(Sample((MessageKind)row[0], (ActorRole)row[1], (DeadlineKind?)row[2], (bool)row[4])).Single();

            Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
            Assert.DoesNotContain('\n', mail.Subject);
            Assert.DoesNotContain("&#", mail.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain("  ", mail.Subject, StringComparison.Ordinal);
            output.WriteLine($"{row[0]}: {mail.Subject}");
        }
    }

    [Fact]
    public void Render_ConfirmedToBoth_OneLinkOnly()
    {
        var message = Samples.Message(MessageKind.MeetingConfirmed,
            [Samples.For(ActorRole.Reviewer), Samples.For(ActorRole.Staff)], null, null, Samples.Meeting, ActorRole.Reviewer);

        var mails = Pipeline.Renderer().Render(message);

        Assert.Equal([Samples.Reviewer.Email, Samples.Staff.Email], mails.Select(m => m.Recipient.Person.Email));
        Assert.StartsWith($"Dear {Samples.Reviewer.Name},", mails[0].Text, StringComparison.Ordinal);
        Assert.StartsWith($"Dear {Samples.Staff.Name},", mails[1].Text, StringComparison.Ordinal);
        Assert.Contains("https://careers.example.ac.uk/", mails[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", mails[1].Text, StringComparison.Ordinal);
        Assert.NotNull(mails[0].Invite);
        Assert.Equal(mails[0].Invite, mails[1].Invite);
    }

    [Fact]
    public void Render_DuplicateAddresses_OneMailEach()
    {
        var reviewer = Samples.For(ActorRole.Reviewer);
        var shouting = new Recipient(ActorRole.Reviewer, new Person("Siân", Samples.Reviewer.Email.ToUpperInvariant()));
        var message = Samples.Message(MessageKind.NotesReady, [reviewer, shouting], null, null, null, ActorRole.Reviewer,
            cc: [Samples.For(ActorRole.Coordinator), new Recipient(ActorRole.Coordinator, new Person("G", " G.PRYCE@example.ac.uk "))]);

        var mails = Pipeline.Renderer().Render(message);

        Assert.Equal([Samples.Reviewer.Email, Samples.Coordinator.Email], mails.Select(m => m.Recipient.Person.Email));
    }

    [Fact]
    public void Render_EveryKind_IsRepeatableAndTimed()
    {
        var messages = Kinds.Select(row => Sample((MessageKind)row[0], (ActorRole)row[1], (DeadlineKind?)row[2], (bool)row[4])).ToArray();
        var renderer = Pipeline.Renderer();
        var first = messages.Select(m => renderer.Render(m).Single()).ToArray();
        const int Rounds = 200;

        var watch = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var message in messages)
            {
                renderer.Render(message);
            }
        }

        watch.Stop();
        var again = messages.Select(m => renderer.Render(m).Single()).ToArray();
        Assert.Equal(first.Select(m => (m.Subject, m.Html, m.Text)), again.Select(m => (m.Subject, m.Html, m.Text)));
        var perMessage = watch.Elapsed.TotalMicroseconds / (Rounds * messages.Length);
        output.WriteLine($"Rendered {Rounds * messages.Length} messages (subject, HTML, text): {perMessage:F0} µs per message");
    }

    [Fact]
    public void Render_NoRecipientAddress_Throws()
    {
        var message = Samples.Message(MessageKind.NotesReady, [], null, null, null, null);

        Assert.Throws<ArgumentException>(() => Pipeline.Renderer().Render(message));
    }

    // Every sample carries the meeting, as messages do once it is set, so the table shows which kinds mention it.
    static OutgoingMessage Sample(MessageKind kind, ActorRole to, DeadlineKind? deadlineKind, bool hasLink) =>
        Samples.Message(kind, to, deadlineKind is null ? null : Samples.Deadline, deadlineKind, Samples.Meeting, hasLink);

    static Uri Link(OutgoingMessage message) => new TestLinks().LinkFor(message, message.To[0])
        ?? new Uri("https://careers.example.ac.uk/no-link-expected");

    static void AssertPresence(bool expected, string value, string body)
    {
        if (expected)
        {
            Assert.Contains(value, body, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(value, body, StringComparison.Ordinal);
        }
    }
}
