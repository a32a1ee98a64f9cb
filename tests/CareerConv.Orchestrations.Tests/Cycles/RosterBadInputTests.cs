using System.Diagnostics;
using System.Text;
using CareerConv.Orchestrations.Cycles;
using Xunit.Abstractions;

namespace CareerConv.Orchestrations.Tests.Cycles;

/// <summary>
/// Rosters that no HR export should produce: random bytes, huge fields, a file over the size limit and a
/// file of 100,000 rows. Each gives a report with problems or a <see cref="RosterFormatException"/>.
/// </summary>
public sealed class RosterBadInputTests(ITestOutputHelper output)
{
    const string Header = "Person Number,Forename,Surname,Work Email,Department";

    static readonly RosterScope Sci = new("SCI", new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["SCI"] = new HashSet<string>(["PHYS", "CHEM", "COMP"], StringComparer.OrdinalIgnoreCase),
    });

    [Fact]
    public async Task Read_RandomBytes_ReportsOrRejectsEachFile()
    {
        var random = new Random(20260928);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length > 0)
            {
                // A plausible header in front of the noise, so the rows are parsed as well.
                bytes = [.. Encoding.UTF8.GetBytes(Header + "\n"), .. bytes];
            }

            string outcome;
            try
            {
                var report = await RosterReader.ReadAsync(new MemoryStream(bytes), Sci);
                Assert.True(report.Entries.Count <= report.RowsRead, $"File {i}: more entries than rows.");
                outcome = "report";
            }
            catch (RosterFormatException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message), $"File {i}: empty message.");
                outcome = "rejected";
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.Equal(300, outcomes.Values.Sum());
    }

    [Fact]
    public async Task Read_HugeFieldInRow_ReportsLengthProblem()
    {
        var text = $"{Header}\n{new string('9', 100_000)},Ada,{new string('L', 1_000_000)},a@example.ac.uk,PHYS\nS2,Bo,Ng,b.ng@example.ac.uk,PHYS\n";

        var report = await RosterReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), Sci);

        Assert.Equal("S2", Assert.Single(report.Entries).Staff.StaffNumber);
        Assert.Contains(report.Problems, p => p.Row == 2 && p.Message.StartsWith("Longer than 256 characters", StringComparison.Ordinal));
        Assert.All(report.Problems, p => Assert.True(p.Value.Length <= 41, $"Problem value of {p.Value.Length} characters."));
    }

    [Fact]
    public async Task Read_HugeHeaderWithoutDelimiter_Rejected()
    {
        var text = new string('x', 2_000_000) + "\nS1\n";

        var error = await Assert.ThrowsAsync<RosterFormatException>(
            () => RosterReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), Sci));

        Assert.Contains("no comma, semicolon or tab", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_HugeHeaderField_ListsMissingColumnsOnly()
    {
        var text = new string('x', 300_000) + ",Work Email\nS1,a@example.ac.uk\n";

        var error = await Assert.ThrowsAsync<RosterFormatException>(
            () => RosterReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), Sci));

        Assert.StartsWith("The roster has no column for", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_FileOverSizeLimit_RejectedBeforeParsing()
    {
        await using var content = new RepeatingStream(Encoding.UTF8.GetBytes("S1,Ada,Lovelace,a@example.ac.uk,PHYS\n"), RosterReader.MaxFileBytes + 1);

        var error = await Assert.ThrowsAsync<RosterFormatException>(() => RosterReader.ReadAsync(content, Sci));

        Assert.Contains("larger than 64 MB", error.Message, StringComparison.Ordinal);
        Assert.True(content.Position <= RosterReader.MaxFileBytes + 81_920, $"Read {content.Position} bytes.");
    }

    [Fact]
    public async Task Read_HundredThousandRows_ValidatedWithinBoundedTime()
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 100_000; i++)
        {
            // Every tenth row has an invalid email, so the problem list is large as well.
            var email = i % 10 == 0 ? "not-an-address" : $"s{i}@example.ac.uk";
            text.Append('S').Append(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
                .Append(",Given").Append(i).Append(",Family,").Append(email).Append(",PHYS\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();

        var report = await RosterReader.ReadAsync(new MemoryStream(bytes), Sci);

        stopwatch.Stop();
        var allocatedMegabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024.0);
        output.WriteLine($"{bytes.Length / 1024} KiB, {report.RowsRead} rows in {stopwatch.ElapsedMilliseconds} ms, "
            + $"{allocatedMegabytes:F0} MiB allocated, working set {Environment.WorkingSet / (1024 * 1024)} MiB");
        Assert.Equal(100_000, report.RowsRead);
        Assert.Equal(90_000, report.Entries.Count);
        Assert.Equal(10_000, report.Problems.Count);

        // Measured on 2 cores: about 0.4 s and 130 MiB allocated. The bounds leave room for a slow CI machine.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"Took {stopwatch.Elapsed}.");
        Assert.True(allocatedMegabytes < 2048, $"Allocated {allocatedMegabytes:F0} MiB.");
    }

    /// <summary>A read-only stream of one chunk repeated up to a length, so a huge file needs no memory.</summary>
    sealed class RepeatingStream(byte[] chunk, long length) : Stream
    {
        long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = chunk[(position + i) % chunk.Length];
            }

            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
