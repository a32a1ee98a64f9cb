using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Hosting;

/// <summary>Maps the route table onto an ASP.NET Core app, for hosts other than Azure Functions.</summary>
public static class WebRouteMapping
{
    /// <summary>
    /// Maps every entry of <see cref="WebRoutes"/> to the same handler the Functions app calls. Admin
    /// routes require the <see cref="AdminKey"/> registered in the app's services, as function keys do
    /// in Azure.
    /// </summary>
    public static IEndpointRouteBuilder MapWebRoutes(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var route in WebRoutes.All)
        {
            endpoints.MapMethods("/" + route.Template, [route.Method], (HttpContext context, DurableTaskClient client) =>
                InvokeAsync(route, context, client));
        }

        return endpoints;
    }

    static Task<IResult> InvokeAsync(WebRoute route, HttpContext context, DurableTaskClient client)
    {
        if (route.Access == RouteAccess.Admin && !context.RequestServices.GetRequiredService<AdminKey>().Authorizes(context.Request))
        {
            SecurityHeaders.Apply(context.Response);
            return Task.FromResult(Problems.Unauthorized(
                $"This route needs the admin key in the '{AdminKey.HeaderName}' header or the '{AdminKey.QueryName}' query value."));
        }

        return WebEndpoint.InvokeAsync(route.Name, context.Request, client);
    }
}
