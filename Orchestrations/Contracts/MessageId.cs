using System.Globalization;

namespace CareerConv.Orchestrations.Contracts;

/// <summary>
/// The identity of one email: the same conversation, kind, ordinal and schedule revision always give
/// the same id, so a send activity that runs twice finds its id in the send ledger and does not send
/// again. The ordinal tells apart messages of one kind within a revision (the first, second and
/// third reminder); a new schedule revision gives new ids because its reminders are new messages.
/// </summary>
public readonly record struct MessageId(string InstanceId, MessageKind Kind, int Ordinal, int Revision)
{
    /// <summary>Formats the id as <c>{instanceId}/{kind}/{ordinal}/r{revision}</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{InstanceId}/{Kind}/{Ordinal}/r{Revision}");

    /// <summary>Parses the form that <see cref="ToString"/> writes.</summary>
    public static MessageId Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var parts = value.Split('/');
        if (parts.Length != 4 || !parts[3].StartsWith('r')
            || !Enum.TryParse<MessageKind>(parts[1], out var kind)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            || !int.TryParse(parts[3].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            throw new FormatException(
                $"Invalid message id '{value}'; expected {{instanceId}}/{{kind}}/{{ordinal}}/r{{revision}}.");
        }

        return new MessageId(parts[0], kind, ordinal, revision);
    }
}
