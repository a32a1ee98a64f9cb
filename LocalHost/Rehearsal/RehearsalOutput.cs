using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareerConv.LocalHost.Rehearsal;

/// <summary>Writes a rehearsal as JSON: every message in sending order and each conversation's final stage.</summary>
public static class RehearsalOutput
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task WriteAsync(RehearsalReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, new { messages = report.Messages, conversations = report.Conversations }, Json);
    }
}
