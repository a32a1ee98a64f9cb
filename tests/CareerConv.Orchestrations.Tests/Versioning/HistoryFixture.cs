using System.Runtime.CompilerServices;
using CareerConv.Engine;
using DurableTask.Core.History;
using Newtonsoft.Json;

namespace CareerConv.Orchestrations.Tests.Versioning;

/// <summary>
/// Reads and writes a recorded orchestration history as JSON: the Durable Task Core history events,
/// each with its <c>$type</c>, in the Newtonsoft.Json form that DurableTask.Core's own types carry.
/// </summary>
static class HistoryFixture
{
    public const string ConversationFile = "conversation-history.json";

    // Only DurableTask.Core history types are read back; the fixture is checked in, never downloaded.
    static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.Auto,
        Formatting = Formatting.Indented,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        NullValueHandling = NullValueHandling.Ignore,
    };

    /// <summary>The fixture as copied to the test output folder.</summary>
    public static string OutputPath(string file) => Path.Combine(AppContext.BaseDirectory, "Versioning", "Fixtures", file);

    /// <summary>The fixture in the source tree, where a re-recording is written.</summary>
    public static string SourcePath(string file, [CallerFilePath] string caller = "") =>
        Path.Combine(Path.GetDirectoryName(caller)!, "Fixtures", file);

    public static IList<HistoryEvent> Read(string path) =>
        JsonConvert.DeserializeObject<List<HistoryEvent>>(File.ReadAllText(path), Settings)
        ?? throw new InvalidDataException($"{path} does not contain a list of history events.");

    /// <summary>
    /// Writes the history with its timestamps moved to the virtual clock, as the engine's interceptor
    /// moves them for the worker, so a replay reads the same current time as the recorded run.
    /// </summary>
    public static void Write(string path, IEnumerable<HistoryEvent> events, VirtualClock clock)
    {
        var mapped = events.Select(e => ToVirtual(e, clock)).ToList();
        File.WriteAllText(path, JsonConvert.SerializeObject(mapped, typeof(List<HistoryEvent>), Settings) + "\n");
    }

    static HistoryEvent ToVirtual(HistoryEvent historyEvent, VirtualClock clock)
    {
        historyEvent.Timestamp = clock.ToVirtual(historyEvent.Timestamp);
        if (historyEvent is TimerFiredEvent fired)
        {
            fired.FireAt = clock.ToVirtual(fired.FireAt);
        }

        return historyEvent;
    }
}
