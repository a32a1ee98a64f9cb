using System.Text;
using CareerConv.Orchestrations.Storage;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace CareerConv.Infrastructure.Documents;

/// <summary>Why a staged file was rejected; null members mean the file passed.</summary>
sealed record PdfVerdict(RecordUploadRejection? Rejection, string? Reason)
{
    public static readonly PdfVerdict Accepted = new(null, null);
}

/// <summary>
/// Checks that a staged file is a complete PDF that PdfPig can parse strictly, with at least one page,
/// and that no object in it contains JavaScript (<c>/JavaScript</c>, <c>/JS</c>), a launch action
/// (<c>/Launch</c>) or an embedded file (<c>/EmbeddedFiles</c>, <c>/EF</c>, <c>/EmbeddedFile</c>).
/// Every object that the cross-reference table lists is read, including those inside object streams, so a
/// name hidden in a compressed object stream or spelled with #xx escapes is still found. An object that takes
/// more than <see cref="LargeObjectBytes"/> of the file is, in a real record, an image or font stream; only
/// its dictionary is read (<see cref="StreamHeaderScanner"/>), so a scanned form is never held whole in memory.
/// </summary>
static class PdfInspector
{
    const int EndMarkerWindow = 1024;

    public const int LargeObjectBytes = 256 * 1024;

    public static PdfVerdict Inspect(Stream staged)
    {
        if (!EndsWithEofMarker(staged))
        {
            return new PdfVerdict(
                RecordUploadRejection.NotPdf,
                "The PDF is incomplete: it does not end with the end-of-file marker %%EOF, so the upload was probably "
                + "cut short. Upload the whole file again.");
        }

        staged.Position = 0;
        try
        {
            using var document = PdfDocument.Open(staged, new ParsingOptions { UseLenientParsing = false });
            if (document.NumberOfPages < 1)
            {
                return new PdfVerdict(RecordUploadRejection.NotPdf, "The PDF has no pages; upload the signed record form.");
            }

            var found = FindActiveContent(document, staged);
            return found.Count == 0
                ? PdfVerdict.Accepted
                : new PdfVerdict(RecordUploadRejection.ActiveContent, ActiveContentReason(found));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // PdfPig raises many exception types for malformed input; each one means the same to the uploader.
            return new PdfVerdict(
                RecordUploadRejection.NotPdf,
                $"The file starts like a PDF but could not be read as one ({Shorten(ex.Message)}). "
                + "Save or export the record form as a PDF again and upload the new file.");
        }
    }

    static bool EndsWithEofMarker(Stream staged)
    {
        var window = (int)Math.Min(EndMarkerWindow, staged.Length);
        var tail = new byte[window];
        staged.Position = staged.Length - window;
        staged.ReadExactly(tail);
        return tail.AsSpan().IndexOf("%%EOF"u8) >= 0;
    }

    static SortedSet<string> FindActiveContent(PdfDocument document, Stream staged)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var structure = document.Structure;
        var offsets = structure.CrossReferenceTable.ObjectOffsets;
        var spans = ObjectSpans(offsets.Values, staged.Length);
        foreach (var (reference, location) in offsets)
        {
            if (location.Type == XrefEntryType.File
                && spans.TryGetValue(location.Value1, out var span) && span > LargeObjectBytes
                && ReadStreamHeader(staged, location.Value1) is { } names)
            {
                foreach (var name in names)
                {
                    ClassifyName(name, found);
                }

                continue;
            }

            // NOTE: PdfPig inflates a whole object stream to read an object in it, with no cap on the output, so a
            // Flate bomb inside an object stream is expanded here. Only the file's 20 MiB limit bounds its input.
            Scan(structure.GetObject(reference).Data, found);
        }

        if (OpenActionRunsJavaScript(document))
        {
            found.Add("an OpenAction that runs JavaScript when the file is opened");
        }

        return found;
    }

    /// <summary>Walks one object's tokens without following references; the loop over the table reaches those.</summary>
    static void Scan(IToken root, SortedSet<string> found)
    {
        var pending = new Stack<IToken>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case StreamToken stream:
                    pending.Push(stream.StreamDictionary);
                    break;
                case ArrayToken array:
                    foreach (var item in array.Data)
                    {
                        pending.Push(item);
                    }

                    break;
                case DictionaryToken dictionary:
                    foreach (var (key, value) in dictionary.Data)
                    {
                        Classify(key, value, found);
                        pending.Push(value);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Returns the bytes from each object's start to the next object's start, for objects stored directly in
    /// the file. Objects inside object streams have no span here.
    /// </summary>
    static Dictionary<long, long> ObjectSpans(IEnumerable<XrefLocation> locations, long fileLength)
    {
        var starts = locations.Where(location => location.Type == XrefEntryType.File)
            .Select(location => location.Value1).Distinct().Order().ToList();
        var spans = new Dictionary<long, long>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            spans[starts[i]] = (i + 1 < starts.Count ? starts[i + 1] : fileLength) - starts[i];
        }

        return spans;
    }

    static HashSet<string>? ReadStreamHeader(Stream staged, long offset)
    {
        // PdfPig reads the same stream, so its position is put back afterwards.
        var position = staged.Position;
        try
        {
            return StreamHeaderScanner.ReadNames(staged, offset);
        }
        finally
        {
            staged.Position = position;
        }
    }

    /// <summary>Records what a dictionary entry reveals: its key, or its value when that names an action or object type.</summary>
    static void Classify(string key, IToken value, SortedSet<string> found)
    {
        ClassifyName(key, found);
        if (key is "S" or "Type" && value is NameToken name)
        {
            ClassifyName(name.Data, found);
        }
    }

    static void ClassifyName(string name, SortedSet<string> found)
    {
        switch (name)
        {
            case "JS" or "JavaScript":
                found.Add("JavaScript");
                break;
            case "Launch":
                found.Add("a launch action (/Launch) that can start a program");
                break;
            case "EmbeddedFiles" or "EF" or "EmbeddedFile":
                found.Add("embedded files");
                break;
        }
    }

    static bool OpenActionRunsJavaScript(PdfDocument document)
    {
        var catalog = document.Structure.Catalog.CatalogDictionary;
        if (!catalog.TryGet(NameToken.OpenAction, out var token))
        {
            return false;
        }

        var action = Resolve(document, token) as DictionaryToken;
        return action is not null
            && action.TryGet(NameToken.S, out var type)
            && Resolve(document, type) is NameToken { Data: "JavaScript" };
    }

    static IToken Resolve(PdfDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;

    static string ActiveContentReason(SortedSet<string> found)
    {
        var items = found.ToList();
        var list = new StringBuilder(items[0]);
        for (var i = 1; i < items.Count; i++)
        {
            var separator = i == items.Count - 1 ? " and " : ", ";
            list.Append(separator).Append(items[i]);
        }

        return $"The PDF contains {list}, which a record form must not contain. Print the form to a new PDF "
            + "(or scan the signed paper copy) and upload that file.";
    }

    static string Shorten(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
