using System.Text;
using CareerConv.Orchestrations.Cycles;

namespace CareerConv.Orchestrations.Tests.Cycles;

public sealed class RosterReaderTests
{
    static readonly RosterScope Sci = new("SCI", new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["SCI"] = new HashSet<string>(["PHYS", "CHEM", "COMP"], StringComparer.OrdinalIgnoreCase),
        ["AHS"] = new HashSet<string>(["HIST"], StringComparer.OrdinalIgnoreCase),
    });

    const string Header = "Person Number,Forename,Surname,Work Email,Department,Reviewer Email,Line Manager Email,Coordinator Email";

    static Task<RosterReport> ReadAsync(string text, Encoding encoding, bool byteOrderMark = false)
    {
        var bytes = encoding.GetBytes(text);
        if (byteOrderMark)
        {
            bytes = [.. encoding.GetPreamble(), .. bytes];
        }

        return RosterReader.ReadAsync(new MemoryStream(bytes), Sci);
    }

    [Fact]
    public async Task Read_Utf8WithBom_KeepsAccentsAndApostrophes()
    {
        var text = $"{Header}\r\n00123,Zoë,O'Brien-Núñez,z.obrien@example.ac.uk,PHYS,,,\r\n";

        var report = await ReadAsync(text, new UTF8Encoding(true), byteOrderMark: true);

        var entry = Assert.Single(report.Entries);
        Assert.Equal("Zoë O'Brien-Núñez", entry.Staff.Name);
        Assert.Equal("00123", entry.Staff.StaffNumber);
        Assert.Equal("UTF-8 with byte order mark", report.Encoding);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task Read_Windows1252Semicolons_DetectsBoth()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "Staff Number;Name;Email;Department\r\nS1;Siân Llewelyn;s.llewelyn@example.ac.uk;CHEM\r\nS2;José Álvarez;j.alvarez@example.ac.uk;chem\r\n";

        var report = await ReadAsync(text, Encoding.GetEncoding(1252));

        Assert.Equal("Windows-1252", report.Encoding);
        Assert.Equal(';', report.Delimiter);
        Assert.Equal(["Siân Llewelyn", "José Álvarez"], report.Entries.Select(e => e.Staff.Name));
        Assert.All(report.Entries, e => Assert.Equal("CHEM", e.Department));
    }

    [Fact]
    public async Task Read_MessyRows_ReportsEachProblemWithRowAndValue()
    {
        var text = string.Join("\r\n",
            Header,
            "S0001,Ada,Lovelace,a.lovelace@example.ac.uk,PHYS,c.babbage@example.ac.uk,,c.babbage@example.ac.uk",
            "s0001 ,Ada,Lovelace,A.LOVELACE@EXAMPLE.AC.UK,PHYS,,,",
            "S0003,Mary,Somerville,m.somerville@example.ac.uk,ASTRO,,,",
            "S0004,Emmy,Noether,not-an-address,COMP,,,",
            ",Grace,Hopper,g.hopper@example.ac.uk,COMP,,,",
            "S0006,Alan,Turing,a.turing@example.ac.uk,COMP,a.turing@example.ac.uk,,",
            "");

        var report = await ReadAsync(text, Encoding.UTF8);

        Assert.Equal(6, report.RowsRead);
        Assert.Equal("S0001", Assert.Single(report.Entries).Staff.StaffNumber);
        Assert.Contains(report.Problems, p => p.Row == 3 && p.Value == "S0001" && p.Message.Contains("row 2", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Row == 4 && p.Value == "ASTRO" && p.Message.Contains("PHYS", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Row == 5 && p.Value == "not-an-address");
        Assert.Contains(report.Problems, p => p.Row == 6 && p.Column == "Staff Number" && p.Message.StartsWith("Missing", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Row == 7 && p.Column == "Reviewer Email");
        Assert.Equal([3, 4, 5, 6, 7], report.RejectedRows.Order());
    }

    [Fact]
    public async Task Read_ReviewerAlsoCoordinator_IsAccepted()
    {
        var text = $"{Header}\nS1,Ada,Lovelace,a.lovelace@example.ac.uk,PHYS,g.pryce@example.ac.uk,,g.pryce@example.ac.uk\n";

        var report = await ReadAsync(text, Encoding.UTF8);

        Assert.Empty(report.Problems);
        Assert.Equal("g.pryce@example.ac.uk", report.Entries[0].Reviewer!.Email);
        Assert.Equal("g.pryce@example.ac.uk", report.Entries[0].CoordinatorEmail);
    }

    [Fact]
    public async Task Read_OtherFacultyInRow_RejectsThatRow()
    {
        var text = "Staff Number,Name,Work Email,Faculty,Department\nS1,Ada Lovelace,a@example.ac.uk,AHS,HIST\nS2,Bo Ng,b@example.ac.uk,sci,PHYS\n";

        var report = await ReadAsync(text, Encoding.UTF8);

        Assert.Equal("S2", Assert.Single(report.Entries).Staff.StaffNumber);
        Assert.Equal("SCI", report.Entries[0].Faculty);
        Assert.Equal(2, Assert.Single(report.Problems).Row);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("just one column\nvalue\n", "comma, semicolon or tab")]
    [InlineData("Staff Number,Name\nS1,Ada\n", "Work Email")]
    public async Task Read_UnreadableFile_RaisesTheReason(string text, string expected)
    {
        var error = await Assert.ThrowsAsync<RosterFormatException>(() => ReadAsync(text, Encoding.UTF8));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_BinaryBytes_RaisesNotCsv()
    {
        var error = await Assert.ThrowsAsync<RosterFormatException>(
            () => RosterReader.ReadAsync(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]), Sci));

        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_HugeField_RejectsTheRow()
    {
        var text = $"Staff Number,Name,Work Email,Department\nS1,{new string('x', 5000)},a@example.ac.uk,PHYS\n";

        var report = await ReadAsync(text, Encoding.UTF8);

        Assert.Empty(report.Entries);
        Assert.Contains("256", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
    }
}
