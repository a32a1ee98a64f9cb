using CareerConv.Orchestrations.Contracts;
using CareerConv.Web.Links;

namespace CareerConv.Web.Tests.Links;

public sealed class SignedActionLinkBuilderTests
{
    [Theory]
    [InlineData(MessageKind.ReflectionInvitation, ActorRole.Staff, LinkAction.Reflection)]
    [InlineData(MessageKind.ReflectionReminder, ActorRole.Staff, LinkAction.Reflection)]
    [InlineData(MessageKind.MeetingRequest, ActorRole.Reviewer, LinkAction.Meeting)]
    [InlineData(MessageKind.MeetingRequestReminder, ActorRole.Reviewer, LinkAction.Meeting)]
    [InlineData(MessageKind.NotesReady, ActorRole.Reviewer, LinkAction.Notes)]
    [InlineData(MessageKind.RecordRequest, ActorRole.Reviewer, LinkAction.Record)]
    [InlineData(MessageKind.RecordReminder, ActorRole.Reviewer, LinkAction.Record)]
    [InlineData(MessageKind.HandoffRequest, ActorRole.Coordinator, LinkAction.Handoff)]
    [InlineData(MessageKind.HandoffReminder, ActorRole.Coordinator, LinkAction.Handoff)]
    [InlineData(MessageKind.ReviewerRequest, ActorRole.HeadOfDepartment, LinkAction.AssignReviewers)]
    [InlineData(MessageKind.ReviewerRequestReminder, ActorRole.HeadOfDepartment, LinkAction.AssignReviewers)]
    [InlineData(MessageKind.Completion, ActorRole.Staff, LinkAction.RecordView)]
    public void ActionFor_LinkedMessage_MapsToPage(MessageKind kind, ActorRole role, LinkAction expected)
    {
        Assert.Equal(expected, LinkPaths.ActionFor(kind, role));
    }

    [Theory]
    [InlineData(MessageKind.Escalation, ActorRole.HeadOfDepartment)]
    [InlineData(MessageKind.WithdrawalNotice, ActorRole.Staff)]
    [InlineData(MessageKind.MeetingCancelled, ActorRole.Reviewer)]
    [InlineData(MessageKind.RecordRequest, ActorRole.Staff)]
    public void ActionFor_Notice_ReturnsNull(MessageKind kind, ActorRole role)
    {
        Assert.Null(LinkPaths.ActionFor(kind, role));
    }
}
