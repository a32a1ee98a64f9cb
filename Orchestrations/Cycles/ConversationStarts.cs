using Grpc.Core;
using Microsoft.DurableTask.Client;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>How every caller starts a conversation: with the engine rejecting a second start.</summary>
public static class ConversationStarts
{
    /// <summary>
    /// Statuses in which the engine rejects a second start with the same instance id. A completed
    /// conversation is included so that starting it again cannot overwrite its history.
    /// </summary>
    public static readonly OrchestrationRuntimeStatus[] RejectWhen =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Suspended, OrchestrationRuntimeStatus.Completed,
    ];

    /// <summary>Returns whether a start failed because the instance already exists.</summary>
    public static bool IsAlreadyStarted(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode == StatusCode.AlreadyExists,
        InvalidOperationException ioe => ioe.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase),
        _ => exception.InnerException is { } inner && IsAlreadyStarted(inner),
    };
}
