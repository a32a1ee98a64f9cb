using CareerConv.Web.Admin;
using CareerConv.Web.Cycles;

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
        new(RouteNames.ChangeConversation, "POST", "api/admin/conversations/changes", RouteAccess.Admin,
            ConversationChangeHandlers.ChangeAsync),
        new(RouteNames.GetConversationTimeline, "GET", "api/admin/conversations/timeline", RouteAccess.Admin,
            ConversationChangeHandlers.TimelineAsync),
        new(RouteNames.ImportRoster, "POST", "api/admin/cycles/import", RouteAccess.Admin,
            CycleAdminHandlers.ImportAsync),
        new(RouteNames.GetImportStatus, "GET", "api/admin/cycles/import/status", RouteAccess.Admin,
            CycleAdminHandlers.ImportStatusAsync),
        new(RouteNames.GetCycleProgress, "GET", "api/admin/cycles/progress", RouteAccess.Admin,
            CycleAdminHandlers.ProgressAsync),
        new(RouteNames.ShowCycleProgress, "GET", "admin/progress", RouteAccess.Admin,
            CycleAdminHandlers.ProgressPageAsync),
    ];

    /// <summary>Returns the route with the given name.</summary>
    public static WebRoute Get(string name) =>
        All.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, "No route has this name.");
}
