using CareerConv.Web.Admin;

namespace CareerConv.Web.Routing;

/// <summary>
/// The one table of HTTP routes. The Functions app has one <c>[Function]</c> per entry and the local
/// host maps every entry; a test checks the Functions app's generated metadata against this table.
/// </summary>
public static class WebRoutes
{
    public static IReadOnlyList<WebRoute> All { get; } =
    [
        new(RouteNames.StartConversation, "POST", "api/admin/conversations", RouteAccess.Admin,
            ConversationAdminHandlers.StartAsync),
        new(RouteNames.GetConversationStatus, "GET", "api/admin/conversations/status", RouteAccess.Admin,
            ConversationAdminHandlers.GetStatusAsync),
    ];

    /// <summary>Returns the route with the given name.</summary>
    public static WebRoute Get(string name) =>
        All.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, "No route has this name.");
}
