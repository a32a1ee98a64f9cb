namespace CareerConv.Orchestrations.Tests.Faults;

/// <summary>Fault injection tests run one at a time, so their retry timing does not compete with other tests.</summary>
[CollectionDefinition(nameof(SerialFaults), DisableParallelization = true)]
public sealed class SerialFaults;
