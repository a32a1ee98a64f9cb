using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CareerConv.Mail.Transport;
using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Http;

namespace CareerConv.LocalHost.Serve;

/// <summary>
/// The outbox index and its emails, served by the local host only: a newcomer follows the action links
/// in these emails to play every role. Only files listed in the index can be opened.
/// </summary>
static class OutboxPages
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task<IResult> IndexAsync(HttpContext context, string folder)
    {
        SecurityHeaders.Apply(context.Response);
        var entries = await OutboxIndex.ReadAsync(folder, context.RequestAborted);
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Outbox</title></head><body><main>");
        html.Append("<h1>Outbox</h1><p>").Append(entries.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" emails, in sending order. Open one to follow its link.</p><table><thead><tr>")
            .Append("<th scope=\"col\">#</th><th scope=\"col\">Kind</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th></tr></thead><tbody>");
        foreach (var entry in entries)
        {
            html.Append("<tr><td>").Append(entry.Sequence.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(E(entry.Kind)).Append("</td><td>").Append(E(string.Join(", ", entry.To))).Append("</td><td><a href=\"/outbox/email?file=")
                .Append(E(Uri.EscapeDataString(entry.File))).Append("\">").Append(E(entry.Subject)).Append("</a></td></tr>");
        }

        html.Append("</tbody></table></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    public static async Task<IResult> EmailAsync(HttpContext context, string folder)
    {
        SecurityHeaders.Apply(context.Response);
        string? file = context.Request.Query["file"];
        var entries = await OutboxIndex.ReadAsync(folder, context.RequestAborted);
        var entry = entries.FirstOrDefault(e => string.Equals(e.File, file, StringComparison.Ordinal));
        if (entry is null)
        {
            return Problems.NotFound($"The outbox has no email '{file}'; open one from /outbox.");
        }

        var text = await File.ReadAllTextAsync(Path.Combine(folder, entry.File), context.RequestAborted);
        return Results.Text(text, "text/plain; charset=utf-8");
    }

    static string E(string value) => Encoder.Encode(value);
}
