using System.Text;
using CareerConv.Infrastructure.Documents;

namespace CareerConv.Infrastructure.Tests.Documents;

public sealed class StreamHeaderScannerTests
{
    static HashSet<string>? Names(string text, long offset = 0)
    {
        using var file = new MemoryStream(Encoding.ASCII.GetBytes(text));
        return StreamHeaderScanner.ReadNames(file, offset);
    }

    [Fact]
    public void ReadNames_StreamObject_ReturnsDictionaryNames()
    {
        var names = Names("7 0 obj\n<< /Type /EmbeddedFile /Length 4 >>\nstream\nabcd\nendstream\nendobj\n");

        Assert.NotNull(names);
        Assert.Contains("EmbeddedFile", names);
        Assert.Contains("Length", names);
    }

    [Fact]
    public void ReadNames_EscapedName_IsDecoded()
    {
        var names = Names("7 0 obj\n<< /S /Java#53cript /Length 4 >>\nstream\nabcd\nendstream\nendobj\n");

        Assert.Contains("JavaScript", names!);
    }

    [Fact]
    public void ReadNames_NonStreamObject_ReturnsNull()
    {
        var text = "7 0 obj\n<< /Kids [1 0 R] >>\nendobj\n8 0 obj\n<< /Length 1 >>\nstream\nx\nendstream\nendobj\n";

        Assert.Null(Names(text));
    }

    [Fact]
    public void ReadNames_KeywordInsideStringsAndComments_IsIgnored()
    {
        var text = "7 0 obj\n<< /Title (stream) /Hex <73747265616d> % stream\n /JS 9 0 R /Length 1 >>\nstream\nx\nendstream\n";

        var names = Names(text);

        Assert.NotNull(names);
        Assert.Contains("JS", names);
    }

    [Fact]
    public void ReadNames_HeaderLongerThanWindow_ReturnsNull()
    {
        var text = "7 0 obj\n<< /Pad (" + new string('a', StreamHeaderScanner.MaxHeaderBytes) + ") >>\nstream\n";

        Assert.Null(Names(text));
    }
}
