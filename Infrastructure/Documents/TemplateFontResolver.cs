using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CareerConv.Infrastructure.Documents;

/// <summary>
/// Gives PDFsharp the DejaVu Sans font shipped in <c>Templates/Fonts</c> (copied beside the assembly), so
/// the record form looks the same on every host and covers accented Latin, Greek and Cyrillic names.
/// Every family name resolves to DejaVu Sans; bold uses the bold face and italic is simulated.
/// </summary>
public sealed class TemplateFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    const string RegularFace = "DejaVuSans";
    const string BoldFace = "DejaVuSans-Bold";

    static readonly Lock InstallLock = new();

    readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    TemplateFontResolver(string directory) => Directory = directory;

    /// <summary>The one instance; PDFsharp requires the same resolver instance whenever it is set.</summary>
    public static TemplateFontResolver Instance { get; } =
        new(Path.Combine(AppContext.BaseDirectory, "Templates", "Fonts"));

    /// <summary>The folder the font files are read from.</summary>
    public string Directory { get; }

    /// <summary>
    /// Makes <see cref="Instance"/> PDFsharp's font resolver for this process. Raises InvalidOperationException
    /// when another resolver was installed first, because PDFsharp allows only one per process.
    /// </summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is { } other)
            {
                throw new InvalidOperationException(
                    $"PDFsharp already uses the font resolver {other.GetType().FullName}; the record form needs "
                    + $"{nameof(TemplateFontResolver)}, so install it before any other.");
            }

            GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        if (faceName is not (RegularFace or BoldFace))
        {
            return null;
        }

        return faces.GetOrAdd(faceName, name =>
        {
            var path = Path.Combine(Directory, name + ".ttf");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"Font file '{path}' is missing; Templates/Fonts must be copied to the output folder.", path);
            }

            return File.ReadAllBytes(path);
        });
    }
}
