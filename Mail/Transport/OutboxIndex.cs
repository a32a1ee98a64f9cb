using System.Text.Json;

namespace CareerConv.Mail.Transport;

/// <summary>One email in the outbox, as listed in the index.</summary>
/// <param name="Sequence">Position in sending order, from 1.</param>
/// <param name="File">The <c>.eml</c> file name, relative to the outbox folder.</param>
/// <param name="PlannedAt">When the workflow planned the message, on the workflow's clock.</param>
public sealed record OutboxEntry(
    int Sequence,
    string Id,
    string Kind,
    IReadOnlyList<string> To,
    string Subject,
    string File,
    DateTimeOffset PlannedAt);

/// <summary>
/// The outbox index: <c>index.jsonl</c> in the outbox folder, one JSON object per line in sending order.
/// Lines are appended after their <c>.eml</c> file is complete, so every listed file exists.
/// </summary>
public static class OutboxIndex
{
    public const string FileName = "index.jsonl";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the index of <paramref name="folder"/>; empty when nothing was written there yet.</summary>
    public static async Task<IReadOnlyList<OutboxEntry>> ReadAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var entries = new List<OutboxEntry>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            entries.Add(JsonSerializer.Deserialize<OutboxEntry>(line, Json)
                ?? throw new InvalidDataException($"Line {lineNumber} of {path} is not an outbox entry."));
        }

        return entries;
    }
}
