using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;

namespace CareerConv.Web.Hosting;

/// <summary>Maps the route table onto an ASP.NET Core app, for hosts other than Azure Functions.</summary>
public static class WebRouteMapping
{
    /// <summary>
    /// Maps every entry of <see cref="WebRoutes"/> to the same handler the Functions app calls. Admin
    /// routes are checked by the <see cref="IAdminAuthorizer"/> registered in the app's services (see
    /// <see cref="AdminServices.AddCareerConvAdmin"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapWebRoutes(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var route in WebRoutes.All)
        {
            endpoints.MapMethods("/" + route.Template, [route.Method], (HttpContext context, DurableTaskClient client) =>
                WebEndpoint.InvokeAsync(route.Name, context.Request, client));
        }

        return endpoints;
    }

    /// <summary>
    /// Adds the security headers to every response of the app, including the 404 and 405 responses of
    /// paths and methods that no route matches. Kestrel's own 400 responses to malformed requests are
    /// written before any middleware runs, so they carry none.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            SecurityHeaders.Apply(context.Response);
            return next(context);
        });
    }
}
