using System.Globalization;
using System.Text;

namespace CareerConv.Mail.Ledger;

/// <summary>
/// Maps a message id to table keys: the instance id is the partition key and the rest the row key.
/// Table keys must not contain '/', '\', '#', '?' or control characters, so those and '%' are written
/// as %XX, which keeps keys readable and the mapping reversible.
/// </summary>
static class LedgerKeys
{
    public static (string PartitionKey, string RowKey) For(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var split = messageId.IndexOf('/', StringComparison.Ordinal);
        return split <= 0
            ? (Escape(messageId), "-")
            : (Escape(messageId[..split]), Escape(messageId[(split + 1)..]));
    }

    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
