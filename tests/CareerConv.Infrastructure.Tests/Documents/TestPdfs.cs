using System.Security.Cryptography;
using CareerConv.Infrastructure.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace CareerConv.Infrastructure.Tests.Documents;

/// <summary>Makes PDFs for upload tests with PDFsharp: plain ones and ones carrying active content.</summary>
static class TestPdfs
{
    /// <summary>Returns a one-page PDF with a line of text.</summary>
    public static byte[] Plain(string text = "Signed career conversation record") => Save(Build(text));

    /// <summary>Returns a PDF whose catalog has an OpenAction that runs JavaScript.</summary>
    public static byte[] WithOpenActionJavaScript()
    {
        var document = Build("Record with a script");
        var action = new PdfDictionary(document);
        action.Elements["/S"] = new PdfName("/JavaScript");
        action.Elements["/JS"] = new PdfString("app.alert('hello');");
        document.Internals.AddObject(action);
        document.Internals.Catalog.Elements["/OpenAction"] = action.Reference;
        return Save(document);
    }

    /// <summary>Returns a PDF whose OpenAction is a launch action that starts a program.</summary>
    public static byte[] WithLaunchAction()
    {
        var document = Build("Record with a launch action");
        var action = new PdfDictionary(document);
        action.Elements["/S"] = new PdfName("/Launch");
        action.Elements["/F"] = new PdfString("calc.exe");
        document.Internals.AddObject(action);
        document.Internals.Catalog.Elements["/OpenAction"] = action.Reference;
        return Save(document);
    }

    /// <summary>Returns a PDF with an /EmbeddedFiles name tree holding one file.</summary>
    public static byte[] WithEmbeddedFile(int fileBytes = 16)
    {
        var document = Build("Record with an attachment");
        var file = new PdfDictionary(document);
        file.Elements["/Type"] = new PdfName("/EmbeddedFile");
        file.CreateStream(RandomNumberGenerator.GetBytes(fileBytes));
        document.Internals.AddObject(file);

        var fileSpec = new PdfDictionary(document);
        fileSpec.Elements["/Type"] = new PdfName("/Filespec");
        fileSpec.Elements["/F"] = new PdfString("tool.exe");
        var embedded = new PdfDictionary(document);
        embedded.Elements["/F"] = file.Reference;
        fileSpec.Elements["/EF"] = embedded;
        document.Internals.AddObject(fileSpec);

        var tree = new PdfDictionary(document);
        tree.Elements["/Names"] = new PdfArray(document, new PdfString("tool.exe"), fileSpec.Reference!);
        var names = new PdfDictionary(document);
        names.Elements["/EmbeddedFiles"] = tree;
        document.Internals.Catalog.Elements["/Names"] = names;
        return Save(document);
    }

    /// <summary>
    /// Writes a PDF of just under <paramref name="maxBytes"/> to a file: one page of text plus streams of
    /// <paramref name="streamBytes"/> random bytes each, referenced from the catalog so that PDFsharp writes them.
    /// </summary>
    public static void WriteLarge(string path, long maxBytes, int streamBytes)
    {
        var document = Build("Large record");
        var padding = new PdfArray(document);
        var chunk = streamBytes;
        const long reserve = 64 * 1024;
        for (long written = 0; written + chunk + reserve < maxBytes; written += chunk)
        {
            var stream = new PdfDictionary(document);
            stream.CreateStream(RandomNumberGenerator.GetBytes(chunk));
            document.Internals.AddObject(stream);
            padding.Elements.Add(stream.Reference!);
        }

        document.Internals.Catalog.Elements["/PieceInfo"] = padding;
        document.Save(path);
    }

    static PdfDocument Build(string text)
    {
        TemplateFontResolver.Install();
        var document = new PdfDocument();
        var page = document.AddPage();
        using var graphics = XGraphics.FromPdfPage(page);
        graphics.DrawString(text, new XFont(TemplateFontResolver.FamilyName, 12), XBrushes.Black, new XPoint(72, 72));
        return document;
    }

    static byte[] Save(PdfDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        document.Dispose();
        return output.ToArray();
    }
}
