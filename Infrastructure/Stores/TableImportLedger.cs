using Azure;
using Azure.Data.Tables;
using CareerConv.Infrastructure.Storage;
using CareerConv.Orchestrations.Cycles;

namespace CareerConv.Infrastructure.Stores;

/// <summary>The import ledger in Table storage: one partition per cycle, one row per staff number.</summary>
public sealed class TableImportLedger(StorageClients clients) : IImportLedger
{
    readonly TableClient table = clients.Table("ImportLedger");
    readonly Lazy<Task> created = new(() => clients.Table("ImportLedger").CreateIfNotExistsAsync());

    public async Task<IReadOnlySet<string>> StartedAsync(string cycle, CancellationToken cancellationToken = default)
    {
        await created.Value;
        var started = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {cycle}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            started.Add(row.RowKey);
        }

        return started;
    }

    public async Task RecordAsync(string cycle, string staffNumber, string importId, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffNumber);
        await created.Value;
        var row = new TableEntity(cycle, staffNumber.ToUpperInvariant()) { ["ImportId"] = importId, ["StartedAt"] = startedAt };
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The first record stays because it names the import that started the conversation.
        }
    }
}
