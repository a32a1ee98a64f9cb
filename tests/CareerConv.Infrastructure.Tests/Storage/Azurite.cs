using System.Net.Sockets;
using CareerConv.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace CareerConv.Infrastructure.Tests.Storage;

/// <summary>
/// Clients for the Azurite that <c>scripts/test.sh</c> starts on 127.0.0.1, each test with names of
/// its own so tests never share a container or table.
/// </summary>
static class Azurite
{
    /// <summary>Returns clients with a fresh name prefix, after checking that Azurite answers.</summary>
    public static StorageClients Clients()
    {
        EnsureRunning();
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        return new StorageClients(Options.Create(new StorageOptions { NamePrefix = prefix }));
    }

    // Fails at once with the fix, instead of after the storage clients' retries (about 24 s).
    static void EnsureRunning()
    {
        foreach (var port in new[] { 10000, 10002 })
        {
            using var client = new TcpClient();
            try
            {
                client.Connect("127.0.0.1", port);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException(
                    $"Azurite is not answering on 127.0.0.1:{port}; run the tests with scripts/test.sh, which starts it.");
            }
        }
    }
}
