using CareerConv.Infrastructure.Documents;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace CareerConv.Infrastructure.Tests.Documents;

public sealed class RecordFormRendererTests
{
    static readonly RecordFormData Data = new(
        new StaffMember("S012345", "Zoë O'Brien-Núñez", "z.obrien@example.ac.uk"),
        new Person("Łukasz Siân Wiśniewski", "l.wisniewski@example.ac.uk"),
        new DateTimeOffset(2026, 7, 2, 13, 30, 0, TimeSpan.Zero),
        "Europe/London",
        "Faculty of Science and Engineering",
        "Physics and Astronomy");

    static RecordFormRenderer Renderer(string university = "University of Aberhafren") =>
        new(Options.Create(new DocumentOptions { UniversityName = university }));

    static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
        return string.Join(" ", page.GetWords().Select(word => word.Text));
    }

    [Fact]
    public async Task RenderAsync_AccentedNames_AreInTheText()
    {
        var text = TextOf(await Renderer().RenderAsync(Data));

        Assert.Contains("Zoë O'Brien-Núñez", text, StringComparison.Ordinal);
        Assert.Contains("Łukasz Siân Wiśniewski", text, StringComparison.Ordinal);
        Assert.Contains("S012345", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Form_HasHeadingsBoxesAndSignatures()
    {
        var text = TextOf(await Renderer().RenderAsync(Data));

        Assert.Contains("University of Aberhafren", text, StringComparison.Ordinal);
        Assert.Contains(RecordFormRenderer.Title, text, StringComparison.Ordinal);
        Assert.Contains("Faculty of Science and Engineering", text, StringComparison.Ordinal);
        Assert.Contains("Physics and Astronomy", text, StringComparison.Ordinal);
        Assert.Contains("Self awareness — how am I doing, and how do I know?", text, StringComparison.Ordinal);
        Assert.Contains("Context — what is happening around me: role, department, discipline, life", text, StringComparison.Ordinal);
        Assert.Contains("Values and aspirations — what is important to me?", text, StringComparison.Ordinal);
        Assert.Contains("Goals and plans — what tangible steps will I take now?", text, StringComparison.Ordinal);
        Assert.Contains(RecordFormRenderer.AgreedGoalsHeading, text, StringComparison.Ordinal);
        Assert.Contains("Staff member: Zoë O'Brien-Núñez", text, StringComparison.Ordinal);
        Assert.Contains("Reviewer: Łukasz Siân Wiśniewski", text, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(text, "Signature"));
        Assert.Equal(2, CountOf(text + " ", "Date "));
    }

    [Fact]
    public async Task RenderAsync_EmbedsTheShippedFont()
    {
        using var document = PdfDocument.Open(await Renderer().RenderAsync(Data));

        var fonts = document.GetPage(1).Letters.Select(letter => letter.FontName).Distinct().ToList();

        Assert.NotEmpty(fonts);
        // An embedded subset's name starts with a six-letter tag and a plus sign, such as ABCDEF+DejaVu Sans.
        Assert.All(fonts, font => Assert.Matches(@"^[A-Z]{6}\+DejaVu Sans", font));
    }

    [Theory]
    [InlineData("Europe/London", "Thursday 2 July 2026, 14:30 BST")]
    [InlineData("GMT Standard Time", "Thursday 2 July 2026, 14:30 BST")]
    [InlineData("Asia/Dubai", "Thursday 2 July 2026, 17:30 +04")]
    public void FormatMeeting_UsesTheFacultyTimeZone(string timeZone, string expected)
    {
        Assert.Equal(expected, RecordFormRenderer.FormatMeeting(Data with { TimeZoneId = timeZone }));
    }

    [Fact]
    public void FormatMeeting_Winter_IsGmt()
    {
        var winter = Data with { MeetingAt = new DateTimeOffset(2026, 12, 3, 14, 30, 0, TimeSpan.Zero) };

        Assert.Equal("Thursday 3 December 2026, 14:30 GMT", RecordFormRenderer.FormatMeeting(winter));
    }

    [Fact]
    public async Task RenderAsync_NoMeetingYet_SaysSo()
    {
        var text = TextOf(await Renderer().RenderAsync(Data with { MeetingAt = null }));

        Assert.Contains("Not yet arranged", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_UnknownTimeZone_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Renderer().RenderAsync(Data with { TimeZoneId = "Mars/Olympus" }));
    }

    [Fact]
    public async Task RenderAsync_NoUniversityName_StillHasTitle()
    {
        var text = TextOf(await Renderer(string.Empty).RenderAsync(Data));

        Assert.StartsWith(RecordFormRenderer.Title, text, StringComparison.Ordinal);
    }

    static int CountOf(string text, string part)
    {
        var count = 0;
        for (var index = text.IndexOf(part, StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
