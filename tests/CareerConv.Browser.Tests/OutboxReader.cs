using System.Text.RegularExpressions;
using CareerConv.Mail.Transport;
using MimeKit;

namespace CareerConv.Browser.Tests;

/// <summary>Finds emails in the local host's outbox folder and reads the action links in them.</summary>
sealed partial class OutboxReader(string folder, Uri siteAddress)
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Waits for the first email of <paramref name="kind"/> whose message id satisfies
    /// <paramref name="match"/>, and raises TimeoutException when none arrives in time.
    /// </summary>
    public async Task<OutboxEntry> WaitForAsync(string kind, Func<OutboxEntry, bool> match, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var entries = await OutboxIndex.ReadAsync(folder);
            if (entries.FirstOrDefault(e => e.Kind == kind && match(e)) is { } entry)
            {
                return entry;
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for a {kind} email in the outbox at {folder}.");
    }

    /// <summary>Returns the first link to <c>links/{route}</c> in the plain-text body of the email.</summary>
    public async Task<string> LinkAsync(OutboxEntry entry, string route)
    {
        var message = await MimeMessage.LoadAsync(Path.Combine(folder, entry.File));
        var prefix = new Uri(siteAddress, "links/" + route + "?t=").ToString();
        var link = TokenLink().Matches(message.TextBody ?? "")
            .Select(m => m.Value)
            .FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return link ?? throw new InvalidOperationException($"The {entry.Kind} email {entry.File} has no link starting {prefix}.");
    }

    /// <summary>Returns the instance id, which starts every message id (<c>{instanceId}/{kind}/{ordinal}/r{revision}</c>).</summary>
    public static string InstanceOf(OutboxEntry entry) => entry.Id.Split('/')[0];

    [GeneratedRegex(@"https?://[^\s<>""]+\?t=[A-Za-z0-9._~%-]+")]
    private static partial Regex TokenLink();
}
