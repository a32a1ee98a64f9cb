using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerConv.Engine;

/// <summary>Timing of the Azure Storage backend's queues and leases.</summary>
/// <param name="MaxQueuePollingInterval">The longest wait between polls of an empty queue.</param>
/// <param name="LeaseInterval">How long a partition lease lasts; after a hard kill, pickup waits up to this long.</param>
public sealed record AzureStorageTuning(TimeSpan MaxQueuePollingInterval, TimeSpan LeaseInterval)
{
    /// <summary>
    /// How long a dequeued control or work item message stays hidden from other workers; null keeps the
    /// backend's default. After a hard kill, the messages the dead process held wait this long.
    /// </summary>
    public TimeSpan? MessageVisibilityTimeout { get; init; }

    /// <summary>Responsive settings for one machine: 1 s polling and 30 s leases.</summary>
    public static AzureStorageTuning Local { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
}

/// <summary>
/// The persistent backend the Functions host itself uses: <c>DurableTask.AzureStorage</c>, here on
/// Azurite or a storage account. Conversations survive a restart of the process.
/// </summary>
public static class AzureStorageBackend
{
    /// <summary>Creates the backend and its task hub (queues, tables and blob containers) when missing.</summary>
    public static async Task<IOrchestrationService> CreateAsync(
        string connectionString, string taskHubName, AzureStorageTuning? tuning = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskHubName);
        tuning ??= AzureStorageTuning.Local;
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHubName,
            PartitionCount = 1,
            MaxQueuePollingInterval = tuning.MaxQueuePollingInterval,
            LeaseInterval = tuning.LeaseInterval,
            LeaseRenewInterval = tuning.LeaseInterval / 3,
            LeaseAcquireInterval = tuning.LeaseInterval / 3,
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
            LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance,
        };
        if (tuning.MessageVisibilityTimeout is { } visibility)
        {
            settings.ControlQueueVisibilityTimeout = visibility;
            settings.WorkItemQueueVisibilityTimeout = visibility;
        }

        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        return service;
    }
}
