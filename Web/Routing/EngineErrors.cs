using CareerConv.Orchestrations.Cycles;

namespace CareerConv.Web.Routing;

/// <summary>Recognises engine errors that a handler answers itself instead of failing.</summary>
public static class EngineErrors
{
    /// <summary>Returns whether a start was rejected because an instance with that id already exists.</summary>
    public static bool IsAlreadyExists(Exception exception) => ConversationStarts.IsAlreadyStarted(exception);
}
