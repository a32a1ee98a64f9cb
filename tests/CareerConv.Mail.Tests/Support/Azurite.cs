using System.Net.Sockets;
using CareerConv.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace CareerConv.Mail.Tests.Support;

/// <summary>The Azurite that <c>scripts/test.sh</c> starts on 127.0.0.1; every call gets table names of its own.</summary>
static class Azurite
{
    /// <summary>Returns a fresh storage name prefix, after checking that Azurite's table port answers.</summary>
    public static string NewPrefix()
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", 10002);
        }
        catch (SocketException)
        {
            // Fails at once with the fix, instead of after the storage clients' retries (about 24 s).
            throw new InvalidOperationException(
                "Azurite is not answering on 127.0.0.1:10002; run the tests with scripts/test.sh, which starts it.");
        }

        return "m" + Guid.NewGuid().ToString("N")[..12];
    }

    public static StorageClients Clients(string prefix) =>
        new(Options.Create(new StorageOptions { NamePrefix = prefix }));
}
