using System.Globalization;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Timing;
using Microsoft.Extensions.Options;
using NodaTime;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace CareerConv.Infrastructure.Documents;

/// <summary>
/// Draws the prefilled record form with PDFsharp as one A4 page. It shows the university's heading, the
/// people and the meeting, and a headed box for each of the four elements. A box for the agreed goals and
/// next steps and signature and date lines for both people follow. Text uses the embedded DejaVu Sans.
/// </summary>
public sealed class RecordFormRenderer(IOptions<DocumentOptions> options) : IRecordFormRenderer
{
    /// <summary>The four elements of a career conversation, each with the prompt printed after its heading.</summary>
    public static readonly IReadOnlyList<(string Heading, string Prompt)> Elements =
    [
        ("Self awareness", "how am I doing, and how do I know?"),
        ("Context", "what is happening around me: role, department, discipline, life"),
        ("Values and aspirations", "what is important to me?"),
        ("Goals and plans", "what tangible steps will I take now?"),
    ];

    public const string Title = "Career conversation record";
    public const string AgreedGoalsHeading = "Agreed goals and next steps";

    static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    readonly string universityName = options.Value.UniversityName.Trim();

    public Task<byte[]> RenderAsync(RecordFormData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        TemplateFontResolver.Install();

        using var document = new PdfDocument();
        document.Info.Title = $"{Title}: {data.Staff.Name}";
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            new RecordFormLayout(graphics, page.Width.Point).Draw(universityName, data, FormatMeeting(data));
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return Task.FromResult(output.ToArray());
    }

    /// <summary>Formats the meeting in the faculty's time zone, such as "Thursday 3 December 2026, 14:30 GMT".</summary>
    public static string FormatMeeting(RecordFormData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.MeetingAt is not { } meeting)
        {
            return "Not yet arranged";
        }

        if (!TimingValues.TryResolveTimeZone(data.TimeZoneId, out var zoneId))
        {
            throw new ArgumentException(
                $"Unknown time zone '{data.TimeZoneId}'; use an IANA id such as Europe/London.", nameof(data));
        }

        var local = Instant.FromDateTimeOffset(meeting).InZone(DateTimeZoneProviders.Tzdb[zoneId]);
        return local.ToString("dddd d MMMM yyyy, HH:mm x", British);
    }
}

/// <summary>Positions and draws the parts of the record form, top to bottom, in points.</summary>
sealed class RecordFormLayout(XGraphics graphics, double pageWidth)
{
    const double Margin = 42;
    const double ElementBoxHeight = 100;
    const double GoalsBoxHeight = 120;

    readonly XFont titleFont = new(TemplateFontResolver.FamilyName, 16, XFontStyleEx.Bold);
    readonly XFont subtitleFont = new(TemplateFontResolver.FamilyName, 13, XFontStyleEx.Bold);
    readonly XFont headingFont = new(TemplateFontResolver.FamilyName, 10.5, XFontStyleEx.Bold);
    readonly XFont labelFont = new(TemplateFontResolver.FamilyName, 9.5, XFontStyleEx.Bold);
    readonly XFont bodyFont = new(TemplateFontResolver.FamilyName, 9.5, XFontStyleEx.Regular);
    readonly XPen boxPen = new(XColors.Black, 0.8);
    readonly XPen linePen = new(XColors.Black, 0.6);
    readonly double width = pageWidth - (2 * Margin);
    double y = Margin;

    public void Draw(string universityName, RecordFormData data, string meeting)
    {
        DrawHeading(universityName);
        DrawDetails(data, meeting);
        foreach (var (heading, prompt) in RecordFormRenderer.Elements)
        {
            DrawBox($"{heading} — {prompt}", ElementBoxHeight);
        }

        DrawBox(RecordFormRenderer.AgreedGoalsHeading, GoalsBoxHeight);
        DrawSignature("Staff member", data.Staff.Name);
        DrawSignature("Reviewer", data.Reviewer.Name);
    }

    void DrawHeading(string universityName)
    {
        if (universityName.Length > 0)
        {
            DrawText(universityName, titleFont, 22);
        }

        DrawText(RecordFormRenderer.Title, subtitleFont, 24);
    }

    void DrawDetails(RecordFormData data, string meeting)
    {
        (string Label, string Value)[] rows =
        [
            ("Staff member", $"{data.Staff.Name} (staff number {data.Staff.StaffNumber})"),
            ("Reviewer", data.Reviewer.Name),
            ("Faculty", data.Faculty),
            ("Department", data.Department),
            ("Meeting date", meeting),
        ];
        foreach (var (label, value) in rows)
        {
            graphics.DrawString(label, labelFont, XBrushes.Black, new XRect(Margin, y, 100, 14), XStringFormats.TopLeft);
            new XTextFormatter(graphics).DrawString(value, bodyFont, XBrushes.Black, new XRect(Margin + 100, y, width - 100, 14));
            y += 15;
        }

        y += 8;
    }

    void DrawBox(string heading, double height)
    {
        graphics.DrawRectangle(boxPen, Margin, y, width, height);
        var formatter = new XTextFormatter(graphics);
        formatter.DrawString(heading, headingFont, XBrushes.Black, new XRect(Margin + 6, y + 5, width - 12, 28));
        y += height + 8;
    }

    void DrawSignature(string role, string name)
    {
        y += 14;
        var signatureEnd = Margin + (width * 0.62);
        DrawText($"{role}: {name}", labelFont, 0);
        y += 22;
        graphics.DrawString("Signature", bodyFont, XBrushes.Black, Margin, y, XStringFormats.BottomLeft);
        graphics.DrawLine(linePen, Margin + 55, y, signatureEnd, y);
        graphics.DrawString("Date", bodyFont, XBrushes.Black, signatureEnd + 12, y, XStringFormats.BottomLeft);
        graphics.DrawLine(linePen, signatureEnd + 40, y, Margin + width, y);
    }

    void DrawText(string text, XFont font, double advance)
    {
        new XTextFormatter(graphics).DrawString(text, font, XBrushes.Black, new XRect(Margin, y, width, font.Height * 1.3));
        y += advance;
    }
}
