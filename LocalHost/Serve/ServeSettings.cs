namespace CareerConv.LocalHost.Serve;

/// <summary>How the local host serves: where, on which backend, and whether it loads the sample cycle.</summary>
/// <param name="DataFolder">Holds the admin key and the outbox; created when missing.</param>
/// <param name="Sample">Imports the sample roster into the sample cycle once the host is up.</param>
public sealed record ServeSettings(int Port, bool InMemory, string DataFolder, bool Sample);
