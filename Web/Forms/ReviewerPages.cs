using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Forms;

/// <summary>What every reviewer page shows: the staff member, the meeting, guidance and links to the other pages.</summary>
static class ReviewerPages
{
    /// <summary>Reads the department's current settings: time zone, contacts, review type and cap.</summary>
    public static ConversationSettings Settings(HttpRequest request, ConversationInput input) =>
        request.HttpContext.RequestServices.GetRequiredService<IConversationSettingsSource>()
            .Load(new LoadSettingsRequest(input.Faculty, input.Department, input.Cycle));

    public static Dictionary<string, object?> Model(FormKit kit, LinkedConversation linked, ConversationSettings settings) => new()
    {
        ["staffName"] = linked.Input.Staff.Name,
        ["meeting"] = linked.Status.MeetingAt is { } at ? MeetingTime.Describe(at, settings.Timing.TimeZoneId) : null,
        ["location"] = linked.Status.MeetingLocation,
        ["timeZone"] = settings.Timing.TimeZoneId,
        ["meetingLink"] = kit.Links.Sibling(linked.Claims, LinkAction.Meeting),
        ["notesLink"] = kit.Links.Sibling(linked.Claims, LinkAction.Notes),
        ["recordLink"] = kit.Links.Sibling(linked.Claims, LinkAction.Record),
    };

    /// <summary>The reviewer's address for the event's actor: the current reviewer of the conversation.</summary>
    public static Actor Actor(LinkedConversation linked) =>
        new(ActorRole.Reviewer, (linked.Status.Reviewer ?? linked.Input.Reviewer)?.Email);
}
