using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CareerConv.Functions.Http;

/// <summary>
/// One function per entry of <see cref="WebRoutes"/>; each delegates to the shared handler, so the
/// Functions host and the local host run the same code. Admin routes use function keys; link routes
/// are anonymous because their handlers check the signed token.
/// </summary>
public static class HttpFunctions
{
    [Function(RouteNames.StartConversation)]
    public static Task<IActionResult> StartConversation(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/admin/conversations")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.StartConversation, request, client);

    [Function(RouteNames.GetConversationStatus)]
    public static Task<IActionResult> GetConversationStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/admin/conversations/status")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.GetConversationStatus, request, client);

    [Function(RouteNames.ChangeConversation)]
    public static Task<IActionResult> ChangeConversation(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/admin/conversations/changes")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ChangeConversation, request, client);

    [Function(RouteNames.GetConversationTimeline)]
    public static Task<IActionResult> GetConversationTimeline(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/admin/conversations/timeline")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.GetConversationTimeline, request, client);

    [Function(RouteNames.ImportRoster)]
    public static Task<IActionResult> ImportRoster(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/admin/cycles/import")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ImportRoster, request, client);

    [Function(RouteNames.GetImportStatus)]
    public static Task<IActionResult> GetImportStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/admin/cycles/import/status")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.GetImportStatus, request, client);

    [Function(RouteNames.GetCycleProgress)]
    public static Task<IActionResult> GetCycleProgress(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/admin/cycles/progress")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.GetCycleProgress, request, client);

    [Function(RouteNames.ShowCycleProgress)]
    public static Task<IActionResult> ShowCycleProgress(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "admin/progress")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ShowCycleProgress, request, client);
    [Function(RouteNames.Stylesheet)]
    public static Task<IActionResult> Stylesheet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/site.css")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.Stylesheet, request, client);

    [Function(RouteNames.ShowReflection)]
    public static Task<IActionResult> ShowReflection(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/reflection")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ShowReflection, request, client);

    [Function(RouteNames.SendReflection)]
    public static Task<IActionResult> SendReflection(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/reflection")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.SendReflection, request, client);

    [Function(RouteNames.ShowMyRecord)]
    public static Task<IActionResult> ShowMyRecord(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/my-record")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ShowMyRecord, request, client);

    [Function(RouteNames.ShowMeeting)]
    public static Task<IActionResult> ShowMeeting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/meeting")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ShowMeeting, request, client);

    [Function(RouteNames.ScheduleMeeting)]
    public static Task<IActionResult> ScheduleMeeting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/meeting")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ScheduleMeeting, request, client);

    [Function(RouteNames.ShowNotes)]
    public static Task<IActionResult> ShowNotes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/notes")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ShowNotes, request, client);

    [Function(RouteNames.ShowRecord)]
    public static Task<IActionResult> ShowRecord(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/record")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ShowRecord, request, client);

    [Function(RouteNames.UploadRecord)]
    public static Task<IActionResult> UploadRecord(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/record")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.UploadRecord, request, client);

    [Function(RouteNames.DownloadRecordForm)]
    public static Task<IActionResult> DownloadRecordForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/record-form")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.DownloadRecordForm, request, client);

    [Function(RouteNames.DownloadRecord)]
    public static Task<IActionResult> DownloadRecord(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/download")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.DownloadRecord, request, client);

    [Function(RouteNames.ShowHandoff)]
    public static Task<IActionResult> ShowHandoff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/handoff")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ShowHandoff, request, client);

    [Function(RouteNames.ConfirmHandoff)]
    public static Task<IActionResult> ConfirmHandoff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/handoff")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ConfirmHandoff, request, client);

    [Function(RouteNames.ShowDepartment)]
    public static Task<IActionResult> ShowDepartment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/department")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ShowDepartment, request, client);

    [Function(RouteNames.AssignReviewers)]
    public static Task<IActionResult> AssignReviewers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/department")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.AssignReviewers, request, client);

    [Function(RouteNames.ShowFreshLink)]
    public static Task<IActionResult> ShowFreshLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/fresh")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ShowFreshLink, request, client);

    [Function(RouteNames.SendFreshLink)]
    public static Task<IActionResult> SendFreshLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/fresh")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.SendFreshLink, request, client);

    [Function(RouteNames.ExportITrent)]
    public static Task<IActionResult> ExportITrent(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/admin/cycles/itrent")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ExportITrent, request, client);

    [Function(RouteNames.GetUnrecordedMeetings)]
    public static Task<IActionResult> GetUnrecordedMeetings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/admin/cycles/unrecorded")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.GetUnrecordedMeetings, request, client);

    [Function(RouteNames.DownloadConversationRecord)]
    public static Task<IActionResult> DownloadConversationRecord(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/admin/conversations/record")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.DownloadConversationRecord, request, client);

    [Function(RouteNames.ExportStaffData)]
    public static Task<IActionResult> ExportStaffData(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/admin/staff/export")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => RouteInvoker.InvokeAsync(RouteNames.ExportStaffData, request, client);
}
