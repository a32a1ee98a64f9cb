using CareerConv.Infrastructure.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CareerConv.Browser.Tests;

/// <summary>Builds a small real PDF for the test to upload as the signed record form.</summary>
static class SignedRecordPdf
{
    public static byte[] Create(string staffName)
    {
        TemplateFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = "Career conversation record";
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var font = new XFont(TemplateFontResolver.FamilyName, 12);
            graphics.DrawString($"Career conversation record: {staffName}", font, XBrushes.Black, new XPoint(72, 72));
            graphics.DrawString("Goals and next steps agreed.", font, XBrushes.Black, new XPoint(72, 100));
            graphics.DrawLine(XPens.Black, 72, 160, 300, 160);
            graphics.DrawString("Signed", font, XBrushes.Black, new XPoint(72, 176));
        }

        using var content = new MemoryStream();
        document.Save(content);
        return content.ToArray();
    }
}
