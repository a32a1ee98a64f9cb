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
}
