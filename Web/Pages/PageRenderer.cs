using System.Reflection;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Pages;

/// <summary>One problem with a form field, shown in the error summary and beside the field.</summary>
/// <param name="FieldId">The id of the input the summary links to.</param>
public sealed record FieldError(string FieldId, string Message);

/// <summary>
/// Renders the page templates in <c>Templates/Pages</c>, which are embedded in this assembly so every
/// host finds them. Each page is rendered, then placed in <c>layout.liquid</c>; values are HTML-encoded
/// unless a template marks one <c>raw</c>.
/// </summary>
public sealed class PageRenderer
{
    const string ResourcePrefix = "Pages/";
    const string LayoutName = "layout";

    readonly Dictionary<string, IFluidTemplate> templates = new(StringComparer.Ordinal);
    readonly TemplateOptions options = TemplateOptions.Default;

    public PageRenderer()
    {
        var parser = new FluidParser();
        var assembly = typeof(PageRenderer).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..^".liquid".Length];
            var source = ReadResource(assembly, resource);
            if (!parser.TryParse(source, out var template, out var error))
            {
                throw new InvalidOperationException($"Page template '{resource}' is invalid: {error}");
            }

            templates[name] = template;
        }

        Stylesheet = ReadResource(assembly, ResourcePrefix + "site.css");
    }

    /// <summary>The site stylesheet, served as one file.</summary>
    public string Stylesheet { get; }

    /// <summary>Renders a page inside the layout and returns it as an HTML response.</summary>
    public async Task<IResult> RenderAsync(
        string page, string title, IDictionary<string, object?> model, int statusCode = StatusCodes.Status200OK,
        IReadOnlyList<FieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        errors ??= [];
        var pageContext = Context(model, errors);
        var body = await Template(page).RenderAsync(pageContext, HtmlEncoder.Default);

        var layoutModel = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = errors.Count > 0 ? "Error: " + title : title,
            ["body"] = body,
        };
        var html = await Template(LayoutName).RenderAsync(Context(layoutModel, errors), HtmlEncoder.Default);
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
    }

    TemplateContext Context(IDictionary<string, object?> model, IReadOnlyList<FieldError> errors)
    {
        var context = new TemplateContext(options, StringComparer.Ordinal);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, FluidValue.Create(value, options));
        }

        var errorList = errors.Select(e => new Dictionary<string, object?> { ["field"] = e.FieldId, ["message"] = e.Message }).ToList();
        var errorByField = errors.GroupBy(e => e.FieldId).ToDictionary(g => g.Key, g => (object?)g.First().Message);
        context.SetValue("errors", FluidValue.Create(errorList, options));
        context.SetValue("error", FluidValue.Create(errorByField, options));
        return context;
    }

    IFluidTemplate Template(string name) =>
        templates.TryGetValue(name, out var template)
            ? template
            : throw new InvalidOperationException($"No page template named '{name}' is embedded; add Templates/Pages/{name}.liquid.");

    static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
