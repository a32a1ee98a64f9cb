using System.Collections.Concurrent;

namespace CareerConv.Web.Forms;

/// <summary>
/// Limits fresh-link requests per email address and per client address over a sliding hour.
/// </summary>
/// <remarks>
/// NOTE: the counts live in this process only, so each instance of a scaled-out app counts on its own
/// and a restart clears them.
/// </remarks>
public sealed class FreshLinkLimiter(TimeProvider clock)
{
    public const int PerAddressPerHour = 3;
    public const int PerClientPerHour = 10;
    static readonly TimeSpan Window = TimeSpan.FromHours(1);

    readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> requests = new(StringComparer.Ordinal);

    /// <summary>Records a request from a client and returns whether the client is within its limit.</summary>
    public bool TryClient(string client) => TryTake("client:" + client, PerClientPerHour);

    /// <summary>Records a request for an address and returns whether the address is within its limit.</summary>
    public bool TryAddress(string email) => TryTake("email:" + email.Trim().ToUpperInvariant(), PerAddressPerHour);

    bool TryTake(string key, int limit)
    {
        var now = clock.GetUtcNow();
        var times = requests.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && now - times.Peek() >= Window)
            {
                times.Dequeue();
            }

            if (times.Count >= limit)
            {
                return false;
            }

            times.Enqueue(now);
            return true;
        }
    }
}
