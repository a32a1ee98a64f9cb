using Grpc.Core;

namespace CareerConv.Web.Routing;

/// <summary>Recognises engine errors that a handler answers itself instead of failing.</summary>
public static class EngineErrors
{
    /// <summary>Returns whether a start was rejected because an instance with that id already exists.</summary>
    public static bool IsAlreadyExists(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode == StatusCode.AlreadyExists,
        InvalidOperationException ioe => ioe.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
