using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerConv.Web.Routing;

/// <summary>
/// Runs a route's handler the same way in both hosts: security headers first, then the handler, and a
/// problem response instead of an unhandled exception.
/// </summary>
public static partial class WebEndpoint
{
    /// <summary>Runs the named route's handler and writes its response.</summary>
    public static async Task<IResult> InvokeAsync(string routeName, HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var route = WebRoutes.Get(routeName);
        SecurityHeaders.Apply(request.HttpContext.Response);
        try
        {
            return await route.Handler(request, client);
        }
        catch (BadHttpRequestException ex)
        {
            return Results.Problem(detail: ex.Message, statusCode: ex.StatusCode, title: "Invalid request");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var logger = request.HttpContext.RequestServices.GetService<ILoggerFactory>()
                ?.CreateLogger(typeof(WebEndpoint));
            if (logger is not null)
            {
                LogHandlerFailed(logger, ex, routeName);
            }

            return Problems.ServerError();
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Route {RouteName} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string routeName);
}
