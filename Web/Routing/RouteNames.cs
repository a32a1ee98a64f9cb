namespace CareerConv.Web.Routing;

/// <summary>
/// Route names. Each is also the name of the <c>[Function]</c> that serves the route in the Functions app.
/// </summary>
public static class RouteNames
{
    public const string StartConversation = nameof(StartConversation);
    public const string GetConversationStatus = nameof(GetConversationStatus);
}
