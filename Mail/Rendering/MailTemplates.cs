using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CareerConv.Orchestrations.Contracts;
using Fluid;
using Fluid.Values;

namespace CareerConv.Mail.Rendering;

/// <summary>The three parts of every email.</summary>
public enum MailPart
{
    Subject,
    Html,
    Text,
}

/// <summary>
/// The Liquid templates in <c>Templates/Mail/</c>, embedded in this assembly and parsed once: for each
/// <see cref="MessageKind"/> a <c>{Kind}.subject.liquid</c>, <c>{Kind}.html.liquid</c> and
/// <c>{Kind}.text.liquid</c>, and two layouts that wrap the bodies. Construction fails, listing every
/// missing or invalid file, so a host that starts has a template for every kind.
/// </summary>
public sealed partial class MailTemplates
{
    const string ResourcePrefix = "CareerConv.Mail.Templates.";
    const string HtmlLayout = "_layout.html.liquid";
    const string TextLayout = "_layout.text.liquid";

    // Values are HTML-encoded, but letters outside ASCII stay as they are, so "Zoë" reads as written in the source.
    static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    readonly FrozenDictionary<string, IFluidTemplate> templates;
    /// <summary>Every variable a template may use; any other name fails the render, so a misspelt one is caught.</summary>
    public static readonly FrozenSet<string> VariableNames = FrozenSet.Create(StringComparer.Ordinal,
        "recipient_name", "staff_name", "reviewer_name", "deadline", "deadline_task",
        "meeting_time", "meeting_location", "link", "content", "digest_names", "digest_count", "department");

    // Fluid's strict mode also rejects variables set to nil, which the templates test with {% if %}.
    readonly TemplateOptions options = new TemplateOptionsBuilder()
        .WithUndefined((name, _) => VariableNames.Contains(name)
            ? ValueTask.FromResult<FluidValue>(NilValue.Instance)
            : throw new InvalidOperationException($"A mail template uses the unknown variable '{name}'."))
        .Build();

    public MailTemplates()
    {
        var parser = new FluidParser();
        var parsed = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var file in ExpectedFiles())
        {
            var source = ReadResource(file);
            if (source is null)
            {
                errors.Add($"{file} is missing");
            }
            else if (!parser.TryParse(source, out var template, out var error))
            {
                errors.Add($"{file} is invalid: {error}");
            }
            else
            {
                parsed[file] = template;
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Mail templates in Templates/Mail are incomplete: " + string.Join("; ", errors));
        }

        templates = parsed.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Renders one part of <paramref name="kind"/>'s email; bodies come wrapped in their layout.</summary>
    /// <param name="values">Template variables; a null value is Liquid nil, so <c>{% if name %}</c> is false.</param>
    public string Render(MessageKind kind, MailPart part, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var context = Context(values);
        return part switch
        {
            MailPart.Subject => OneLine(templates[FileName(kind, part)].Render(context, NullEncoder.Default)),
            MailPart.Html => WrapInLayout(HtmlLayout, templates[FileName(kind, part)].Render(context, Html), context, Html),
            _ => WrapInLayout(TextLayout, CollapseBlankLines(templates[FileName(kind, part)].Render(context, NullEncoder.Default)),
                context, NullEncoder.Default),
        };
    }

    public static string FileName(MessageKind kind, MailPart part) => $"{kind}.{part.ToString().ToLowerInvariant()}.liquid";

    static IEnumerable<string> ExpectedFiles()
    {
        yield return HtmlLayout;
        yield return TextLayout;
        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            foreach (var part in Enum.GetValues<MailPart>())
            {
                yield return FileName(kind, part);
            }
        }
    }

    TemplateContext Context(IReadOnlyDictionary<string, string?> values)
    {
        var context = new TemplateContext(options);
        foreach (var (name, value) in values)
        {
            if (!VariableNames.Contains(name))
            {
                throw new ArgumentException($"'{name}' is not a mail template variable.", nameof(values));
            }

            context.SetValue(name, value is null ? NilValue.Instance : StringValue.Create(value));
        }

        return context;
    }

    string WrapInLayout(string layout, string body, TemplateContext context, TextEncoder encoder)
    {
        // The body is already encoded for its format; the layout writes it with the raw filter.
        context.SetValue("content", StringValue.Create(body.Trim()));
        return templates[layout].Render(context, encoder).Trim() + "\n";
    }

    /// <summary>Leaves at most one blank line in a row, where a false condition left its own line empty.</summary>
    static string CollapseBlankLines(string text) =>
        BlankLines().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "\n\n");

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*)+\n")]
    private static partial Regex BlankLines();

    /// <summary>Joins a subject onto one line, so no template can add a header through a line break.</summary>
    static string OneLine(string subject) =>
        string.Join(' ', subject.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    static string? ReadResource(string file)
    {
        using var stream = typeof(MailTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + file);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
