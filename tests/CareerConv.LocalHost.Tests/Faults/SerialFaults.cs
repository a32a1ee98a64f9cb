namespace CareerConv.LocalHost.Tests.Faults;

/// <summary>Fault injection tests run one at a time: each starts processes and waits on real leases.</summary>
[CollectionDefinition(nameof(SerialFaults), DisableParallelization = true)]
public sealed class SerialFaults;
