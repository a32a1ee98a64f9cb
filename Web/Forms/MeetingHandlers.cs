using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Links;
using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Forms;

/// <summary>The reviewer's meeting page: propose the meeting or move it, in the faculty's local time.</summary>
public static class MeetingHandlers
{
    const string Purpose = "meeting";

    public static async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var check = await kit.Gate.OpenAsync(request, client, LinkAction.Meeting, [ActorRole.Reviewer]);
        if (check.Value is not { } linked)
        {
            return check.Failure!;
        }

        var settings = ReviewerPages.Settings(request, linked.Input);
        var values = MeetingTime.Fields(linked.Status.MeetingAt, settings.Timing.TimeZoneId);
        values[MeetingTime.LocationField] = linked.Status.MeetingLocation;
        return await PageAsync(kit, linked, settings, values, [], request.Query["saved"] == "1", StatusCodes.Status200OK);
    }

    public static async Task<IResult> PostAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var opened = await kit.OpenPostAsync(request, client, LinkAction.Meeting, [ActorRole.Reviewer], Purpose);
        if (opened.Value is not { } posted)
        {
            return opened.Failure!;
        }

        var (linked, form) = posted;

        var self = PageLinks.Self(LinkPaths.Meeting, linked.Token);
        var submissionId = (string)form[FormProtection.SubmissionField]!;
        var timeline = request.HttpContext.RequestServices.GetRequiredService<ITimelineStore>();
        if (await FormReading.AlreadyAppliedAsync(timeline, linked.InstanceId, submissionId, request.HttpContext.RequestAborted))
        {
            return FormKit.SeeOther(self + "&saved=1");
        }

        if (!StageRules.Accepts(linked.Status.Stage, ConversationEvents.MeetingScheduled))
        {
            return await kit.Status.NotNowAsync("A meeting can be set once you are the reviewer and until the record is uploaded.");
        }

        var settings = ReviewerPages.Settings(request, linked.Input);
        var errors = new List<FieldError>();
        var meetingAt = MeetingTime.Read(form, settings.Timing.TimeZoneId, kit.Clock.GetUtcNow(), errors);
        var location = ((string?)form[MeetingTime.LocationField] ?? "").Trim();
        if (location.Length == 0)
        {
            errors.Add(new FieldError(MeetingTime.LocationField, "Enter where the meeting will take place, such as a room or a video call."));
        }
        else if (location.Length > MeetingTime.MaxLocationLength)
        {
            errors.Add(new FieldError(MeetingTime.LocationField,
                $"The place must be {MeetingTime.MaxLocationLength} characters or fewer; it has {location.Length}."));
        }

        if (errors.Count > 0)
        {
            var values = form.ToDictionary(f => f.Key, f => (object?)(string?)f.Value);
            return await PageAsync(kit, linked, settings, values, errors, saved: false, StatusCodes.Status400BadRequest);
        }

        var payload = new MeetingScheduledEvent(submissionId, ReviewerPages.Actor(linked), meetingAt!.Value, location);
        await client.RaiseEventAsync(linked.InstanceId, ConversationEvents.MeetingScheduled, payload, request.HttpContext.RequestAborted);
        return FormKit.SeeOther(self + "&saved=1");
    }

    static Task<IResult> PageAsync(
        FormKit kit, LinkedConversation linked, ConversationSettings settings, Dictionary<string, object?> values,
        IReadOnlyList<FieldError> errors, bool saved, int statusCode)
    {
        var (submissionId, protection) = kit.Protection.Issue(Purpose, linked.Token);
        var model = ReviewerPages.Model(kit, linked, settings);
        model["values"] = values;
        model["saved"] = saved;
        model["canSchedule"] = StageRules.Accepts(linked.Status.Stage, ConversationEvents.MeetingScheduled);
        model["action"] = PageLinks.Self(LinkPaths.Meeting, linked.Token);
        model["submissionId"] = submissionId;
        model["protection"] = protection;
        return kit.Renderer.RenderAsync("meeting", "Arrange the career conversation", model, statusCode, errors);
    }
}
