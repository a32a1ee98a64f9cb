using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Web.Links;

/// <summary>The page path of each link action, and the action each emailed message links to.</summary>
public static class LinkPaths
{
    /// <summary>The query parameter that carries the token.</summary>
    public const string TokenParameter = "t";

    public const string Reflection = "links/reflection";
    public const string MyRecord = "links/my-record";
    public const string Meeting = "links/meeting";
    public const string Notes = "links/notes";
    public const string Record = "links/record";
    public const string RecordForm = "links/record-form";
    public const string Handoff = "links/handoff";
    public const string Download = "links/download";
    public const string Department = "links/department";
    public const string FreshLink = "links/fresh";
    public const string Stylesheet = "links/site.css";

    /// <summary>Returns the path of the page that serves an action.</summary>
    public static string For(LinkAction action) => action switch
    {
        LinkAction.Reflection => Reflection,
        LinkAction.RecordView => MyRecord,
        LinkAction.Meeting => Meeting,
        LinkAction.Notes => Notes,
        LinkAction.Record => Record,
        LinkAction.Handoff => Handoff,
        LinkAction.AssignReviewers => Department,
        LinkAction.DownloadRecordForm => RecordForm,
        LinkAction.DownloadRecord => Download,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No page serves this action."),
    };

    /// <summary>
    /// Returns the action a message links to for a recipient of <paramref name="role"/>, or null when
    /// the message carries no link for that role.
    /// </summary>
    public static LinkAction? ActionFor(MessageKind kind, ActorRole role) => (kind, role) switch
    {
        (MessageKind.ReflectionInvitation or MessageKind.ReflectionReminder, ActorRole.Staff) => LinkAction.Reflection,
        (MessageKind.MeetingConfirmed or MessageKind.MeetingReminder, ActorRole.Staff) => LinkAction.Reflection,
        (MessageKind.Completion, ActorRole.Staff) => LinkAction.RecordView,
        (MessageKind.FreshLink, ActorRole.Staff) => LinkAction.Reflection,
        (MessageKind.MeetingRequest or MessageKind.MeetingRequestReminder, ActorRole.Reviewer) => LinkAction.Meeting,
        (MessageKind.MeetingConfirmed or MessageKind.MeetingReminder, ActorRole.Reviewer) => LinkAction.Meeting,
        (MessageKind.FreshLink, ActorRole.Reviewer) => LinkAction.Meeting,
        (MessageKind.NotesReady or MessageKind.ReflectionMissed, ActorRole.Reviewer) => LinkAction.Notes,
        (MessageKind.RecordRequest or MessageKind.RecordReminder, ActorRole.Reviewer) => LinkAction.Record,
        (MessageKind.HandoffRequest or MessageKind.HandoffReminder, ActorRole.Coordinator) => LinkAction.Handoff,
        (MessageKind.ReviewerRequest or MessageKind.ReviewerRequestReminder, ActorRole.HeadOfDepartment)
            => LinkAction.AssignReviewers,
        _ => null,
    };
}
