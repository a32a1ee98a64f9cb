namespace CareerConv.Web.Routing;

/// <summary>
/// Route names. Each is also the name of the <c>[Function]</c> that serves the route in the Functions app.
/// </summary>
public static class RouteNames
{
    public const string StartConversation = nameof(StartConversation);
    public const string GetConversationStatus = nameof(GetConversationStatus);
    public const string ChangeConversation = nameof(ChangeConversation);
    public const string GetConversationTimeline = nameof(GetConversationTimeline);
    public const string ImportRoster = nameof(ImportRoster);
    public const string GetImportStatus = nameof(GetImportStatus);
    public const string GetCycleProgress = nameof(GetCycleProgress);
    public const string ShowCycleProgress = nameof(ShowCycleProgress);
}
