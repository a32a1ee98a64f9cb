using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CareerConv.Web.Cycles;

/// <summary>Renders a cycle's progress as a plain, accessible HTML page. Every value is HTML-encoded.</summary>
static class ProgressPage
{
    public static string Render(CycleProgressReport report)
    {
        var html = new StringBuilder();
        var scope = string.Join(" / ", new[] { report.Cycle, report.Faculty, report.Department }.Where(s => s is not null));
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Progress: ")
            .Append(E(scope)).Append("</title></head><body><main>");
        html.Append("<h1>Progress of ").Append(E(scope)).Append("</h1>");
        html.Append("<p>").Append(report.Conversations.ToString(CultureInfo.InvariantCulture))
            .Append(" conversations, as at ").Append(E(CycleAdminHandlers.Format(report.At))).Append(".</p>");
        Table(html, "By stage", ["Stage", "Conversations"],
            report.ByStage.Select(s => new[] { s.Key, s.Value.ToString(CultureInfo.InvariantCulture) }));
        Table(html, "Overdue", ["Staff number", "Name", "Department", "Deadline", "Due"],
            report.Overdue.Select(o => new[] { o.StaffNumber, o.Name, o.Department, o.Deadline.ToString(), CycleAdminHandlers.Format(o.Due) }));
        Table(html, "Reviewer load", ["Reviewer", "Department", "Conversations", "Cap", ""],
            report.Reviewers.Select(r => new[]
            {
                $"{r.Name} <{r.Email}>", r.Department, r.Conversations.ToString(CultureInfo.InvariantCulture),
                r.Cap.ToString(CultureInfo.InvariantCulture), r.OverCap ? "Over the cap" : string.Empty,
            }));
        html.Append("</main></body></html>");
        return html.ToString();
    }

    static void Table(StringBuilder html, string caption, string[] headers, IEnumerable<string[]> rows)
    {
        html.Append("<table><caption>").Append(E(caption)).Append("</caption><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        if (!any)
        {
            html.Append("<tr><td colspan=\"").Append(headers.Length.ToString(CultureInfo.InvariantCulture)).Append("\">None</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    // Encodes markup characters but keeps letters such as ł and ñ as they are.
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    static string E(string value) => Encoder.Encode(value);
}
