using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CareerConv.Infrastructure.Storage;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;

namespace CareerConv.Infrastructure.Stores;

/// <summary>
/// The audit timeline in Table storage: one partition per conversation. The row key is a hash of the
/// entry's kind and reference, so an activity that runs twice writes each entry once.
/// </summary>
public sealed class TableTimelineStore(StorageClients clients) : ITimelineStore
{
    readonly TableClient table = clients.Table("Timeline");
    readonly Lazy<Task> created = new(() => clients.Table("Timeline").CreateIfNotExistsAsync());

    public async Task AppendAsync(TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await created.Value;
        var identity = entry.Reference is null ? Guid.NewGuid().ToString("N") : $"{entry.Kind}|{entry.Reference}";
        var row = new TableEntity(entry.InstanceId, Hash(identity))
        {
            ["At"] = entry.At,
            ["Kind"] = entry.Kind.ToString(),
            ["Summary"] = entry.Summary,
            ["Reference"] = entry.Reference,
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Written by an earlier run of the same activity.
        }
    }

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await created.Value;
        var entries = new List<TimelineEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new TimelineEntry(
                instanceId,
                row.GetDateTimeOffset("At") ?? row.Timestamp ?? DateTimeOffset.MinValue,
                Enum.Parse<TimelineEntryKind>(row.GetString("Kind")),
                row.GetString("Summary") ?? string.Empty,
                row.GetString("Reference")));
        }

        return [.. entries.OrderBy(e => e.At).ThenBy(e => Sequence(e.Reference))];
    }

    // Orchestrator entries carry "{sequence}:{reference}", which orders entries made at one instant.
    static long Sequence(string? reference) =>
        reference is not null && long.TryParse(reference.AsSpan(0, Math.Max(0, reference.IndexOf(':', StringComparison.Ordinal))), out var sequence)
            ? sequence
            : long.MaxValue;

    static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..40];
}
