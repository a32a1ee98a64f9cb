using CareerConv.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerConv.Web.Routing;

/// <summary>
/// Runs a route's handler the same way in both hosts: security headers first, then the admin check for
/// admin routes, then the handler, and a problem response instead of an unhandled exception.
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
        if (route.Access == RouteAccess.Admin && AuthorizeAdmin(request) is { Allowed: false } rejected)
        {
            if (Logger(request) is { } logger)
            {
                LogAdminRejected(logger, routeName);
            }

            return Problems.Unauthorized(rejected.Detail!);
        }

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
            if (Logger(request) is { } logger)
            {
                LogHandlerFailed(logger, ex, routeName);
            }

            return Problems.ServerError();
        }
    }

    /// <summary>
    /// Runs the host's <see cref="IAdminAuthorizer"/>. A host that registered none rejects every admin
    /// request, so a missing registration never opens the admin routes.
    /// </summary>
    static AdminDecision AuthorizeAdmin(HttpRequest request)
    {
        var authorizer = request.HttpContext.RequestServices.GetService<IAdminAuthorizer>();
        return authorizer?.Authorize(request)
            ?? AdminDecision.Reject("Admin access is not configured on this server; set CareerConv:Admin:Mode.");
    }

    static ILogger? Logger(HttpRequest request) =>
        request.HttpContext.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(WebEndpoint));

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Admin request to {RouteName} rejected without valid credentials")]
    private static partial void LogAdminRejected(ILogger logger, string routeName);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Route {RouteName} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string routeName);
}
