using System.Net;
using Azure;
using Azure.Data.Tables;
using CareerConv.Infrastructure.Storage;
using CareerConv.Orchestrations.Messaging;
using Microsoft.Extensions.Options;

namespace CareerConv.Mail.Ledger;

/// <summary>The ledger states of a message id.</summary>
public enum SendState
{
    /// <summary>An attempt holds the lease and may be calling the transport.</summary>
    Sending,

    /// <summary>Every recipient's email was accepted; the id is never sent again.</summary>
    Sent,

    /// <summary>The last attempt failed and released its lease; the next attempt sends what is still missing.</summary>
    Failed,
}

/// <summary>
/// The send ledger in Azure Table storage: one row per message id, written before the first email leaves
/// (state Sending, with a lease), after each recipient's email is accepted, and at the end (Sent). Every
/// write after the first is conditional on the row's ETag, so two attempts cannot both own one id.
/// </summary>
public sealed class SendLedger(StorageClients storage, IOptions<MailOptions> options, TimeProvider clock)
{
    readonly Lazy<Task<TableClient>> table = new(async () =>
    {
        var client = storage.Table(options.Value.LedgerTable);
        await client.CreateIfNotExistsAsync();
        return client;
    });

    /// <summary>
    /// Takes the lease on <paramref name="message"/>'s id. Returns null when the id is already Sent. Throws
    /// <see cref="SendInProgressException"/> while another attempt holds an unexpired lease.
    /// </summary>
    public async Task<LedgerClaim?> ClaimAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var client = await table.Value;
        var (partitionKey, rowKey) = LedgerKeys.For(message.Id);
        var existing = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        var now = clock.GetUtcNow();
        if (!existing.HasValue || existing.Value is null)
        {
            return await AddAsync(client, message, partitionKey, rowKey, now, cancellationToken);
        }

        var entity = existing.Value;
        var state = Enum.Parse<SendState>(entity.GetString(Columns.State));
        if (state == SendState.Sent)
        {
            return null;
        }

        if (state == SendState.Sending && entity.GetDateTimeOffset(Columns.LeaseUntil) is { } leaseUntil && leaseUntil > now)
        {
            throw new SendInProgressException(message.Id, leaseUntil);
        }

        entity[Columns.State] = nameof(SendState.Sending);
        entity[Columns.LeaseUntil] = now + options.Value.SendLease;
        entity[Columns.Attempts] = (entity.GetInt32(Columns.Attempts) ?? 0) + 1;
        var claim = new LedgerClaim(message.Id, entity);
        await WriteAsync(client, claim, cancellationToken);
        return claim;
    }

    /// <summary>
    /// Records that <paramref name="address"/>'s email was accepted and renews the lease; with
    /// <paramref name="complete"/> the id becomes Sent in the same write.
    /// </summary>
    public async Task RecordDeliveredAsync(LedgerClaim claim, string address, bool complete, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.AddDelivered(address);
        var now = clock.GetUtcNow();
        claim.Entity[Columns.LeaseUntil] = now + options.Value.SendLease;
        if (complete)
        {
            claim.Entity[Columns.State] = nameof(SendState.Sent);
            claim.Entity[Columns.SentAt] = now;
        }

        await WriteAsync(await table.Value, claim, cancellationToken);
    }

    /// <summary>Marks the id Sent when every recipient was already recorded by an earlier attempt.</summary>
    public async Task CompleteAsync(LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.Entity[Columns.State] = nameof(SendState.Sent);
        claim.Entity[Columns.SentAt] = clock.GetUtcNow();
        await WriteAsync(await table.Value, claim, cancellationToken);
    }

    /// <summary>Releases the lease after a failed attempt, keeping the recipients already accepted.</summary>
    public async Task ReleaseAsync(LedgerClaim claim, Exception error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(error);
        claim.Entity[Columns.State] = nameof(SendState.Failed);
        claim.Entity[Columns.LeaseUntil] = null;
        claim.Entity[Columns.LastError] = Truncate($"{error.GetType().Name}: {error.Message}", 1000);
        await WriteAsync(await table.Value, claim, cancellationToken);
    }

    /// <summary>Reads the state of a message id; null when the ledger has no row for it.</summary>
    public async Task<LedgerRecord?> ReadAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var (partitionKey, rowKey) = LedgerKeys.For(messageId);
        var client = await table.Value;
        var row = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is null)
        {
            return null;
        }

        var claim = new LedgerClaim(messageId, row.Value);
        return new LedgerRecord(
            messageId,
            Enum.Parse<SendState>(row.Value.GetString(Columns.State)),
            row.Value.GetInt32(Columns.Attempts) ?? 0,
            claim.Delivered,
            row.Value.GetString(Columns.LastError));
    }

    async Task<LedgerClaim> AddAsync(
        TableClient client, OutgoingMessage message, string partitionKey, string rowKey, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            [Columns.MessageId] = message.Id,
            [Columns.Kind] = message.Kind.ToString(),
            [Columns.ConversationId] = message.ConversationId,
            [Columns.State] = nameof(SendState.Sending),
            [Columns.LeaseUntil] = now + options.Value.SendLease,
            [Columns.Attempts] = 1,
            [Columns.FirstAttemptAt] = now,
            [Columns.Delivered] = string.Empty,
        };
        try
        {
            var response = await client.AddEntityAsync(entity, cancellationToken);
            entity.ETag = response.Headers.ETag ?? ETag.All;
            return new LedgerClaim(message.Id, entity);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            throw new SendInProgressException(message.Id, now + options.Value.SendLease, e);
        }
    }

    static async Task WriteAsync(TableClient client, LedgerClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.UpdateEntityAsync(claim.Entity, claim.Entity.ETag, TableUpdateMode.Replace, cancellationToken);
            claim.Entity.ETag = response.Headers.ETag ?? claim.Entity.ETag;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            throw new SendInProgressException(claim.MessageId, null, e);
        }
    }

    static string Truncate(string value, int maxLength) => value.Length <= maxLength ? value : value[..maxLength];

    internal static class Columns
    {
        public const string MessageId = nameof(MessageId);
        public const string Kind = nameof(Kind);
        public const string ConversationId = nameof(ConversationId);
        public const string State = nameof(State);
        public const string LeaseUntil = nameof(LeaseUntil);
        public const string Attempts = nameof(Attempts);
        public const string FirstAttemptAt = nameof(FirstAttemptAt);
        public const string SentAt = nameof(SentAt);
        public const string Delivered = nameof(Delivered);
        public const string LastError = nameof(LastError);
    }
}

/// <summary>An attempt's hold on one message id: the ledger row as last written, with its ETag.</summary>
public sealed class LedgerClaim
{
    readonly HashSet<string> delivered;

    internal LedgerClaim(string messageId, TableEntity entity)
    {
        MessageId = messageId;
        Entity = entity;
        delivered = new HashSet<string>(
            (entity.GetString(SendLedger.Columns.Delivered) ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            StringComparer.OrdinalIgnoreCase);
    }

    public string MessageId { get; }

    /// <summary>Addresses whose email an earlier attempt, or this one, got accepted.</summary>
    public IReadOnlySet<string> Delivered => delivered;

    internal TableEntity Entity { get; }

    internal void AddDelivered(string address)
    {
        delivered.Add(address.Trim());
        Entity[SendLedger.Columns.Delivered] = string.Join('\n', delivered.Order(StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>A ledger row as read back, for checks and support.</summary>
public sealed record LedgerRecord(string MessageId, SendState State, int Attempts, IReadOnlySet<string> Delivered, string? LastError);

/// <summary>
/// Another attempt holds the message id, or took it over after this attempt's lease ended. The activity
/// fails and its retry finds the id Sent, or takes the lease once it has expired.
/// </summary>
public sealed class SendInProgressException : Exception
{
    public SendInProgressException(string messageId, DateTimeOffset? leaseUntil, Exception? inner = null)
        : base(leaseUntil is { } until
            ? $"Message {messageId} is being sent by another attempt, which holds it until {until:O}; retry after that."
            : $"Message {messageId} was taken over by another attempt after this attempt's lease ended.", inner)
    {
        MessageId = messageId;
        LeaseUntil = leaseUntil;
    }

    public string MessageId { get; }

    public DateTimeOffset? LeaseUntil { get; }
}
