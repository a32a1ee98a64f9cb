namespace CareerConv.Mail.Tests.Support;

/// <summary>Fault injection tests run one at a time, so their real waits do not compete with other tests.</summary>
[CollectionDefinition(nameof(SerialFaults), DisableParallelization = true)]
public sealed class SerialFaults;
