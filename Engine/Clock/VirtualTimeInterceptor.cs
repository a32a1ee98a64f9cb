using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using P = Microsoft.DurableTask.Protobuf;

namespace CareerConv.Engine;

/// <summary>
/// Rewrites the timestamps of the history the sidecar streams to the worker from the machine's clock
/// to the virtual clock. The worker takes an orchestration's current time from those timestamps, so
/// the orchestration sees the virtual clock, the same way on every replay.
/// </summary>
sealed class VirtualTimeInterceptor(VirtualClock clock) : Interceptor
{
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(request, new MappingWriter<TResponse>(responseStream, this), context);

    void Map(object message)
    {
        switch (message)
        {
            case P.WorkItem { OrchestratorRequest: { } orchestration }:
                Map(orchestration.PastEvents);
                Map(orchestration.NewEvents);
                break;
            case P.HistoryChunk chunk:
                Map(chunk.Events);
                break;
        }
    }

    void Map(IEnumerable<P.HistoryEvent> events)
    {
        foreach (var e in events)
        {
            e.Timestamp = Map(e.Timestamp);
            if (e.TimerFired is { } fired)
            {
                fired.FireAt = Map(fired.FireAt);
            }
        }
    }

    Timestamp? Map(Timestamp? timestamp) =>
        timestamp is null ? null : Timestamp.FromDateTime(clock.ToVirtual(timestamp.ToDateTime()));

    sealed class MappingWriter<T>(IServerStreamWriter<T> inner, VirtualTimeInterceptor owner) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(T message)
        {
            owner.Map(message!);
            return inner.WriteAsync(message);
        }
    }
}
