using System.Globalization;
using System.Text;
using CareerConv.Orchestrations.Contracts;
using CsvHelper;
using CsvHelper.Configuration;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>Which faculty a roster is for, and the departments each configured faculty has.</summary>
/// <param name="Faculty">Rows without a faculty column belong to this faculty; rows naming another are rejected.</param>
/// <param name="Departments">Department codes by faculty code, from the faculty timing configuration.</param>
public sealed record RosterScope(string Faculty, IReadOnlyDictionary<string, IReadOnlySet<string>> Departments);

/// <summary>
/// Reads a roster as HR systems export it. The encoding may be UTF-8 with or without a byte order
/// mark, UTF-16 with one, or Windows-1252, and the delimiter a comma, semicolon or tab. Headers are
/// matched flexibly. Every row is validated and every problem reported with its row number and value.
/// A file that cannot be read at all raises <see cref="RosterFormatException"/> with the reason.
/// </summary>
public static class RosterReader
{
    public const int MaxFieldLength = 256;
    public const long MaxFileBytes = 64L * 1024 * 1024;

    static readonly char[] Delimiters = [',', ';', '\t'];

    public static async Task<RosterReport> ReadAsync(Stream content, RosterScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(scope);
        var bytes = await ReadBoundedAsync(content, cancellationToken);
        var (text, encodingName) = Decode(bytes);
        var delimiter = DetectDelimiter(text);
        return Parse(text, delimiter, encodingName, scope);
    }

    static async Task<byte[]> ReadBoundedAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw new RosterFormatException($"The roster is larger than {MaxFileBytes / (1024 * 1024)} MB; split it by faculty or department.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new RosterFormatException("The roster is empty; export it again with a header row and one row per staff member.");
        }

        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return (Strict(new UTF8Encoding(false, true), bytes.AsSpan(3), "UTF-8"), "UTF-8 with byte order mark");
        }

        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            var unicode = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return (Strict(unicode, bytes.AsSpan(2), "UTF-16"), "UTF-16");
        }

        if (bytes.AsSpan().Contains((byte)0))
        {
            throw new RosterFormatException("The roster contains NUL bytes, so it is not a text CSV file; export it as CSV (UTF-8).");
        }

        try
        {
            return (new UTF8Encoding(false, true).GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            // Not valid UTF-8: HR exports from Windows tools are often Windows-1252.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return (Encoding.GetEncoding(1252).GetString(bytes), "Windows-1252");
        }
    }

    static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new RosterFormatException($"The roster starts with a {name} byte order mark but is not valid {name}; export it again as UTF-8.");
        }
    }

    static char DetectDelimiter(string text)
    {
        var header = text.AsSpan();
        var end = header.IndexOfAny('\r', '\n');
        if (end >= 0)
        {
            header = header[..end];
        }

        var best = ',';
        var bestCount = 0;
        foreach (var delimiter in Delimiters)
        {
            var count = header.Count(delimiter);
            if (count > bestCount)
            {
                (best, bestCount) = (delimiter, count);
            }
        }

        if (bestCount == 0)
        {
            throw new RosterFormatException(
                "The header row has no comma, semicolon or tab, so the columns cannot be told apart; export the roster as CSV.");
        }

        return best;
    }

    static RosterReport Parse(string text, char delimiter, string encodingName, RosterScope scope)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = true,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            throw new RosterFormatException("The roster has no header row.");
        }

        var columns = RosterColumns.Map(header);
        RequireColumns(columns, header);
        var validator = new RosterRowValidator(columns, scope);
        var rows = 0;
        while (csv.Read())
        {
            rows++;
            validator.Add(csv.Parser.Row, csv.Parser.Record ?? []);
        }

        return new RosterReport(validator.Entries, validator.Problems, encodingName, delimiter, rows);
    }

    static void RequireColumns(Dictionary<string, int> columns, string[] header)
    {
        var missing = new List<string>();
        foreach (var required in new[] { RosterColumns.StaffNumber, RosterColumns.Email, RosterColumns.Department })
        {
            if (!columns.ContainsKey(required))
            {
                missing.Add(required);
            }
        }

        var hasName = columns.ContainsKey(RosterColumns.Name)
            || (columns.ContainsKey(RosterColumns.Forename) && columns.ContainsKey(RosterColumns.Surname));
        if (!hasName)
        {
            missing.Add("Name (or Forename and Surname)");
        }

        if (missing.Count > 0)
        {
            throw new RosterFormatException(
                $"The roster has no column for {string.Join(", ", missing)}. Its header is: {string.Join(" | ", header)}. "
                + "Rename the columns, for example 'Staff Number', 'Work Email', 'Forename', 'Surname', 'Department'.");
        }
    }
}
