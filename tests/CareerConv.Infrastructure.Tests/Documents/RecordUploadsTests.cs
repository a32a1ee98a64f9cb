using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CareerConv.Infrastructure.Documents;
using CareerConv.Orchestrations.Storage;

namespace CareerConv.Infrastructure.Tests.Documents;

public sealed class RecordUploadsTests
{
    const string UploadPattern = @"^SCI/2026-autumn/S012345/[A-Za-z0-9_-]{22}\.pdf\z";

    static RecordUploadRequest Request(string? fileName = "record.pdf") =>
        new("k3v7conversation", "SCI", "2026-autumn", "S012345", 1, fileName);

    [Fact]
    public async Task AcceptAsync_RealPdf_StoresItAsPdf()
    {
        using var rig = new DocumentRig();
        var pdf = TestPdfs.Plain();

        var outcome = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(pdf));

        Assert.Null(outcome.Rejection);
        var stored = Assert.IsType<StoredDocument>(outcome.Stored);
        Assert.Matches(UploadPattern, stored.BlobName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), stored.Sha256);
        Assert.Equal(pdf.LongLength, stored.SizeBytes);

        var blob = (await rig.Containers.GetAsync(DocumentContainers.Records)).GetBlobClient(stored.BlobName);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("application/pdf", properties.ContentType);
        Assert.Equal(stored.Sha256, properties.Metadata[DocumentMetadata.Sha256]);
        Assert.Equal(pdf.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), properties.Metadata[DocumentMetadata.SizeBytes]);
        Assert.Equal("record.pdf", DocumentMetadata.DecodeFileName(properties.Metadata[DocumentMetadata.ClientFileName]));
        Assert.Empty(rig.StagedFiles());
    }

    [Fact]
    public async Task AcceptAsync_StoredRecord_OpensThroughDocumentStore()
    {
        using var rig = new DocumentRig();
        var pdf = TestPdfs.Plain();

        var outcome = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(pdf));
        await using var read = await rig.Store.OpenAsync(outcome.Stored!.BlobName);

        Assert.NotNull(read);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(pdf, copy.ToArray());
    }

    [Fact]
    public async Task AcceptAsync_RequestBodyInSmallReads_IsAccepted()
    {
        using var rig = new DocumentRig();
        var pdf = TestPdfs.Plain();

        var outcome = await rig.Uploads.AcceptAsync(Request(), new TrickleStream(pdf, 3));

        Assert.Null(outcome.Rejection);
        Assert.Equal(pdf.LongLength, outcome.Stored!.SizeBytes);
    }

    [Fact]
    public async Task AcceptAsync_HtmlNamedPdf_IsNotPdf()
    {
        using var rig = new DocumentRig();
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

        var outcome = await rig.Uploads.AcceptAsync(Request("record.pdf"), new MemoryStream(html));

        Assert.Equal(RecordUploadRejection.NotPdf, outcome.Rejection);
        Assert.Contains("%PDF-", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("HTML", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(await rig.BlobNamesAsync(DocumentContainers.Records));
        Assert.Empty(rig.StagedFiles());
    }

    [Theory]
    [InlineData("JavaScript")]
    [InlineData("Launch")]
    [InlineData("EmbeddedFile")]
    public async Task AcceptAsync_ActiveContent_IsRejectedWithWhatWasFound(string kind)
    {
        using var rig = new DocumentRig();
        var (pdf, expected) = kind switch
        {
            "JavaScript" => (TestPdfs.WithOpenActionJavaScript(), "JavaScript"),
            "Launch" => (TestPdfs.WithLaunchAction(), "/Launch"),
            _ => (TestPdfs.WithEmbeddedFile(), "embedded files"),
        };

        var outcome = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(pdf));

        Assert.Equal(RecordUploadRejection.ActiveContent, outcome.Rejection);
        Assert.Contains(expected, outcome.Reason, StringComparison.Ordinal);
        Assert.Null(outcome.Stored);
        Assert.Empty(await rig.BlobNamesAsync(DocumentContainers.Records));
        Assert.Empty(rig.StagedFiles());
    }

    [Fact]
    public async Task AcceptAsync_LargeEmbeddedFile_IsRejected()
    {
        using var rig = new DocumentRig();
        var pdf = TestPdfs.WithEmbeddedFile(2 * PdfInspector.LargeObjectBytes);

        var outcome = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(pdf));

        Assert.Equal(RecordUploadRejection.ActiveContent, outcome.Rejection);
        Assert.Contains("embedded files", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptAsync_OpenActionJavaScript_NamesTheOpenAction()
    {
        using var rig = new DocumentRig();

        var outcome = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(TestPdfs.WithOpenActionJavaScript()));

        Assert.Contains("OpenAction", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptAsync_JavaScriptInObjectStream_IsRejected()
    {
        using var rig = new DocumentRig();
        var pdf = CompressedObjectStreamPdf();

        var outcome = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(pdf));

        Assert.Equal(RecordUploadRejection.ActiveContent, outcome.Rejection);
        Assert.Contains("JavaScript", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public async Task AcceptAsync_TruncatedPdf_IsNotPdf(double keptFraction)
    {
        using var rig = new DocumentRig();
        var pdf = TestPdfs.Plain();
        var truncated = pdf[..(int)(pdf.Length * keptFraction)];

        var outcome = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(truncated));

        Assert.Equal(RecordUploadRejection.NotPdf, outcome.Rejection);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
        Assert.Empty(await rig.BlobNamesAsync(DocumentContainers.Records));
        Assert.Empty(rig.StagedFiles());
    }

    [Fact]
    public async Task AcceptAsync_PdfHeaderThenRandomBytes_IsNotPdf()
    {
        using var rig = new DocumentRig();
        var body = "%PDF-1.7\n"u8.ToArray().Concat(RandomNumberGenerator.GetBytes(50_000)).Concat("\n%%EOF\n"u8.ToArray()).ToArray();

        var outcome = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(body));

        Assert.Equal(RecordUploadRejection.NotPdf, outcome.Rejection);
        Assert.Contains("could not be read", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.StagedFiles());
    }

    [Fact]
    public async Task AcceptAsync_RandomBytes_IsNotPdf()
    {
        using var rig = new DocumentRig();
        var body = RandomNumberGenerator.GetBytes(100_000);
        body[0] = (byte)'R';

        var outcome = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(body));

        Assert.Equal(RecordUploadRejection.NotPdf, outcome.Rejection);
        Assert.Empty(await rig.BlobNamesAsync(DocumentContainers.Records));
    }

    [Fact]
    public async Task AcceptAsync_ZeroBytes_IsEmpty()
    {
        using var rig = new DocumentRig();

        var outcome = await rig.Uploads.AcceptAsync(Request(), new MemoryStream());

        Assert.Equal(RecordUploadRejection.Empty, outcome.Rejection);
        Assert.Contains("0 bytes", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.StagedFiles());
    }

    [Fact]
    public async Task AcceptAsync_OverLimit_IsTooLargeAndStopsReading()
    {
        using var rig = new DocumentRig(maxRecordBytes: 4096);
        var pdf = TestPdfs.Plain();
        var body = new CountingStream(new MemoryStream(pdf.Concat(new byte[1024 * 1024]).ToArray()));

        var outcome = await rig.Uploads.AcceptAsync(Request(), body);

        Assert.Equal(RecordUploadRejection.TooLarge, outcome.Rejection);
        Assert.Contains("4,096 bytes", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("4 KiB", outcome.Reason, StringComparison.Ordinal);
        Assert.True(body.BytesRead <= 4096 + UploadStaging.ChunkSize, $"read {body.BytesRead} bytes");
        Assert.Empty(await rig.BlobNamesAsync(DocumentContainers.Records));
        Assert.Empty(rig.StagedFiles());
    }

    [Fact]
    public async Task AcceptAsync_ExactlyAtLimit_IsAccepted()
    {
        var pdf = TestPdfs.Plain();
        using var rig = new DocumentRig(maxRecordBytes: pdf.Length);

        var outcome = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(pdf));

        Assert.Null(outcome.Rejection);
        Assert.Equal(pdf.Length, rig.Uploads.MaxBytes);
    }

    [Fact]
    public async Task AcceptAsync_GzipBombNamedPdf_IsNotPdfWithoutExpanding()
    {
        using var rig = new DocumentRig();
        var bomb = GzipOfZeros(256L * 1024 * 1024);
        var body = new CountingStream(new MemoryStream(bomb));

        var outcome = await rig.Uploads.AcceptAsync(Request("record.pdf"), body);

        Assert.Equal(RecordUploadRejection.NotPdf, outcome.Rejection);
        Assert.Contains("gzip", outcome.Reason, StringComparison.Ordinal);
        Assert.True(body.BytesRead <= UploadStaging.ChunkSize, $"read {body.BytesRead} of {bomb.Length} bytes");
        Assert.Empty(rig.StagedFiles());
    }

    [Theory]
    [InlineData("../S99999/record.pdf")]
    [InlineData("..\\x.pdf")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\Windows\\win.ini")]
    [InlineData("re\r\ncord\u0000.pdf")]
    [InlineData("Zoë's record — signed.pdf")]
    public async Task AcceptAsync_HostileFileName_StaysMetadataOnly(string fileName)
    {
        using var rig = new DocumentRig();

        var outcome = await rig.Uploads.AcceptAsync(Request(fileName), new MemoryStream(TestPdfs.Plain()));

        Assert.Matches(UploadPattern, outcome.Stored!.BlobName);
        var names = await rig.BlobNamesAsync(DocumentContainers.Records);
        Assert.Equal([outcome.Stored.BlobName], names);
        var blob = (await rig.Containers.GetAsync(DocumentContainers.Records)).GetBlobClient(outcome.Stored.BlobName);
        var stored = (await blob.GetPropertiesAsync()).Value.Metadata[DocumentMetadata.ClientFileName];
        Assert.True(stored.All(char.IsAscii));
        var expected = new string(fileName.Where(c => !char.IsControl(c)).ToArray());
        Assert.Equal(expected, DocumentMetadata.DecodeFileName(stored));
    }

    [Theory]
    [InlineData("../S99999", "2026-autumn", "S012345")]
    [InlineData("..", "2026-autumn", "S012345")]
    [InlineData("SCI/..", "2026-autumn", "S012345")]
    [InlineData("SCI\\..", "2026-autumn", "S012345")]
    [InlineData("SC I", "2026-autumn", "S012345")]
    [InlineData("SCI", "../2026-autumn", "S012345")]
    [InlineData("SCI", "2026.autumn", "S012345")]
    [InlineData("SCI", "2026-autumn", "../S99999/record.pdf")]
    [InlineData("SCI", "2026-autumn", "..\\x.pdf")]
    [InlineData("SCI", "2026-autumn", "S0123%2F45")]
    [InlineData("SCI", "2026-autumn", "")]
    public async Task AcceptAsync_HostilePathSegment_IsRejectedBeforeReading(string faculty, string cycle, string staffNumber)
    {
        using var rig = new DocumentRig();
        var body = new CountingStream(new MemoryStream(TestPdfs.Plain()));
        var request = new RecordUploadRequest("k3v7conversation", faculty, cycle, staffNumber, 1, "record.pdf");

        await Assert.ThrowsAsync<ArgumentException>(() => rig.Uploads.AcceptAsync(request, body));

        Assert.Equal(0, body.BytesRead);
        Assert.Empty(await rig.BlobNamesAsync(DocumentContainers.Records));
    }

    [Fact]
    public async Task AcceptAsync_HostileConversationId_IsRejected()
    {
        using var rig = new DocumentRig();
        var request = Request() with { ConversationId = "../other" };

        await Assert.ThrowsAsync<ArgumentException>(() => rig.Uploads.AcceptAsync(request, new MemoryStream(TestPdfs.Plain())));
    }

    [Fact]
    public async Task AcceptAsync_NormalisesCycleAndStaffNumber()
    {
        using var rig = new DocumentRig();
        var request = Request() with { Cycle = " 2026-Autumn ", StaffNumber = " s012345 " };

        var outcome = await rig.Uploads.AcceptAsync(request, new MemoryStream(TestPdfs.Plain()));

        Assert.Matches(UploadPattern, outcome.Stored!.BlobName);
    }

    [Fact]
    public async Task AcceptAsync_TwoUploads_GetDifferentNames()
    {
        using var rig = new DocumentRig();

        var first = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(TestPdfs.Plain()));
        var second = await rig.Uploads.AcceptAsync(Request(), new MemoryStream(TestPdfs.Plain()));

        Assert.NotEqual(first.Stored!.BlobName, second.Stored!.BlobName);
        Assert.Equal(2, (await rig.BlobNamesAsync(DocumentContainers.Records)).Count);
    }

    [Fact]
    public async Task AcceptAsync_CancelledMidway_DeletesStagingFile()
    {
        using var rig = new DocumentRig();
        using var cancellation = new CancellationTokenSource();
        var body = new CancellingStream(TestPdfs.Plain(), cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => rig.Uploads.AcceptAsync(Request(), body, cancellation.Token));

        Assert.Empty(rig.StagedFiles());
    }

    /// <summary>A PDF 1.5 file whose JavaScript action sits, Flate-compressed, inside an object stream.</summary>
    static byte[] CompressedObjectStreamPdf()
    {
        var objects = "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >> "
            + "<< /Type /Pages /Kids [3 0 R] /Count 1 >> "
            + "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> "
            + "<< /S /Java#53cript /J#53 (app.alert\\(1\\)) >>";
        var offsets = new List<int>();
        var header = new StringBuilder();
        var position = 0;
        foreach (var part in objects.Split(">> ", StringSplitOptions.RemoveEmptyEntries))
        {
            var text = part.EndsWith(">>", StringComparison.Ordinal) ? part : part + ">> ";
            offsets.Add(position);
            position += text.Length;
        }

        for (var i = 0; i < offsets.Count; i++)
        {
            header.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} {offsets[i]} ");
        }

        var streamText = header.ToString() + objects;
        var compressed = Deflate(Encoding.ASCII.GetBytes(streamText));

        using var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.5\n%\u00e2\u00e3\n");
        var objStmOffset = output.Position;
        Write($"5 0 obj\n<< /Type /ObjStm /N 4 /First {header.Length} /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n");
        output.Write(compressed);
        Write("\nendstream\nendobj\n");

        // Cross-reference stream: type 1 for itself and the object stream, type 2 for the four objects.
        var xrefOffset = output.Position;
        var rows = new List<byte[]>
        {
            Row(0, 0, 255),
            Row(2, 5, 0), Row(2, 5, 1), Row(2, 5, 2), Row(2, 5, 3),
            Row(1, (int)objStmOffset, 0),
            Row(1, (int)xrefOffset, 0),
        };
        var xrefData = rows.SelectMany(r => r).ToArray();
        Write($"6 0 obj\n<< /Type /XRef /Size 7 /Root 1 0 R /W [1 4 1] /Length {xrefData.Length} >>\nstream\n");
        output.Write(xrefData);
        Write($"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n");
        return output.ToArray();

        static byte[] Row(byte type, int field2, byte field3) =>
            [type, (byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, field3];
    }

    static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    static byte[] GzipOfZeros(long expandedBytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < expandedBytes; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
