using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CareerConv.Functions.Http;

/// <summary>
/// One function per entry of <see cref="WebRoutes"/>; each delegates to the shared handler, so the
/// Functions host and the local host run the same code. Admin routes use function keys.
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
}
