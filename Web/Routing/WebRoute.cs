using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace CareerConv.Web.Routing;

/// <summary>Handles one route: reads the request, talks to the engine, and returns the response to write.</summary>
public delegate Task<IResult> RouteHandler(HttpRequest request, DurableTaskClient client);

/// <summary>Who may call a route.</summary>
public enum RouteAccess
{
    /// <summary>Anyone with the link: the handler checks the signed token in the query string.</summary>
    Link,

    /// <summary>Administrators only: a function key in the Functions host, the admin key in the local host.</summary>
    Admin,
}

/// <summary>
/// One HTTP route. <see cref="Template"/> is the full path without a leading slash, because the
/// Functions app runs with an empty route prefix; route values travel in the query string, so the
/// template has no parameters and both hosts match it the same way.
/// </summary>
public sealed record WebRoute(string Name, string Method, string Template, RouteAccess Access, RouteHandler Handler);
