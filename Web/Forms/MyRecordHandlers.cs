using CareerConv.Orchestrations.Contracts;
using CareerConv.Web.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace CareerConv.Web.Forms;

/// <summary>The staff member's view of their completed record, with a download of the signed form.</summary>
public static class MyRecordHandlers
{
    public static async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var check = await kit.Gate.OpenAsync(request, client, LinkAction.RecordView, [ActorRole.Staff], allowCompleted: true);
        if (check.Value is not { } linked)
        {
            return check.Failure!;
        }

        var settings = ReviewerPages.Settings(request, linked.Input);
        return await kit.Renderer.RenderAsync("my-record", "Your career conversation record", new Dictionary<string, object?>
        {
            ["staffName"] = linked.Input.Staff.Name,
            ["completed"] = linked.Status.Stage == ConversationStage.Completed,
            ["meeting"] = linked.Status.MeetingAt is { } at ? MeetingTime.Describe(at, settings.Timing.TimeZoneId) : null,
            ["reviewerName"] = linked.Status.Reviewer?.Name,
            ["recordVersion"] = linked.Status.RecordVersion,
            ["downloadLink"] = linked.Status.RecordBlobName is null ? null : kit.Links.Download(linked.Claims, LinkAction.DownloadRecord),
        });
    }
}
