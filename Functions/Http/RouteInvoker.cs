using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace CareerConv.Functions.Http;

/// <summary>
/// Adapts the shared handlers to the Functions ASP.NET Core integration, which writes an
/// <see cref="IActionResult"/> but not a minimal API <see cref="IResult"/>.
/// </summary>
public static class RouteInvoker
{
    public static async Task<IActionResult> InvokeAsync(string routeName, HttpRequest request, DurableTaskClient client) =>
        new ResultAction(await WebEndpoint.InvokeAsync(routeName, request, client));

    sealed class ResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
