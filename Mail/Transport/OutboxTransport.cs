using System.Globalization;
using System.Text;
using System.Text.Json;
using CareerConv.Mail.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareerConv.Mail.Transport;

/// <summary>
/// The local transport: writes each email as <c>{sequence}-{kind}.eml</c> to the outbox folder and appends
/// it to <see cref="OutboxIndex"/>. One process writes a folder at a time: the sequence is counted from
/// the index when the first email is written.
/// </summary>
public sealed class OutboxTransport(IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxTransport> logger)
    : IMailTransport, IDisposable
{
    readonly SemaphoreSlim gate = new(1, 1);
    int? lastSequence;

    public string Folder { get; } = Path.GetFullPath(options.Value.OutboxFolder);

    public async Task DeliverAsync(RenderedMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        await gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Folder);
            lastSequence ??= (await OutboxIndex.ReadAsync(Folder, cancellationToken)).Select(e => e.Sequence).DefaultIfEmpty().Max();
            var sequence = lastSequence.Value + 1;
            var file = string.Create(CultureInfo.InvariantCulture, $"{sequence:D6}-{mail.Kind}.eml");
            var message = MimeMail.Build(mail, options.Value, clock.GetUtcNow());
            await message.WriteToAsync(Path.Combine(Folder, file), cancellationToken);

            var entry = new OutboxEntry(sequence, mail.MessageId, mail.Kind.ToString(), [mail.Recipient.Person.Email.Trim()],
                mail.Subject, file, mail.Message.PlannedAt);
            var line = JsonSerializer.Serialize(entry, OutboxIndex.Json) + "\n";
            await File.AppendAllTextAsync(Path.Combine(Folder, OutboxIndex.FileName), line, Encoding.UTF8, cancellationToken);
            lastSequence = sequence;
            MailLog.WroteOutboxFile(logger, mail.Kind, mail.ConversationId, file);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
