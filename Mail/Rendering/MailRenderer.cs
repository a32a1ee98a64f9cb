using CareerConv.Mail.Calendar;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;

namespace CareerConv.Mail.Rendering;

/// <summary>
/// Renders a message once for each distinct recipient, because each person's action link is signed for
/// them. Values come only from the message (names, dates, references): the text of the notes never
/// reaches a template.
/// </summary>
public sealed class MailRenderer(MailTemplates templates, IActionLinkBuilder links, MeetingInvites invites)
{
    /// <summary>Returns one email per distinct recipient of <paramref name="message"/>, in To-then-Cc order.</summary>
    public IReadOnlyList<RenderedMail> Render(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var recipients = MailRecipients.Distinct(message);
        if (recipients.Count == 0)
        {
            throw new ArgumentException($"Message {message.Id} has no recipient with an email address.", nameof(message));
        }

        var shared = SharedValues(message);
        var invite = invites.For(message);
        return [.. recipients.Select(recipient => RenderFor(message, recipient, shared, invite))];
    }

    RenderedMail RenderFor(
        OutgoingMessage message, Recipient recipient, Dictionary<string, string?> shared, CalendarInvite? invite)
    {
        var values = new Dictionary<string, string?>(shared, StringComparer.Ordinal)
        {
            ["recipient_name"] = recipient.Person.Name,
            ["link"] = links.LinkFor(message, recipient)?.AbsoluteUri,
        };
        return new RenderedMail(
            message,
            recipient,
            templates.Render(message.Kind, MailPart.Subject, values),
            templates.Render(message.Kind, MailPart.Html, values),
            templates.Render(message.Kind, MailPart.Text, values),
            invite);
    }

    static Dictionary<string, string?> SharedValues(OutgoingMessage message) => new(StringComparer.Ordinal)
    {
        ["staff_name"] = message.Staff.Name,
        ["reviewer_name"] = message.Reviewer?.Name,
        ["deadline"] = message.Deadline is { } deadline ? MailTime.Format(deadline, message.TimeZoneId) : null,
        ["deadline_task"] = message.DeadlineKind is { } kind ? DeadlineTask(kind) : null,
        ["meeting_time"] = message.Meeting is { } meeting ? MailTime.Format(meeting.At, message.TimeZoneId) : null,
        ["meeting_location"] = string.IsNullOrWhiteSpace(message.Meeting?.Location) ? null : message.Meeting.Location,
        ["digest_names"] = message.DigestStaff is { Count: > 0 } staff ? JoinNames(staff.Select(s => s.Name).ToList()) : null,
        ["digest_count"] = message.DigestStaff?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["department"] = message.Department,
    };

    /// <summary>Joins names as people write them: "A", "A and B", "A, B and C".</summary>
    static string JoinNames(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1];

    /// <summary>What has to be done by a deadline, as a phrase that fits "the deadline for …".</summary>
    static string DeadlineTask(DeadlineKind kind) => kind switch
    {
        DeadlineKind.ReviewerAssignment => "naming a reviewer",
        DeadlineKind.MeetingScheduling => "arranging the meeting",
        DeadlineKind.Reflection => "sending the reflection notes",
        DeadlineKind.RecordUpload => "uploading the signed record form",
        DeadlineKind.Handoff => "recording the conversation in iTrent",
        _ => kind.ToString(),
    };
}
