using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Forms;

/// <summary>One of the four reflection elements: its form field, heading and prompt.</summary>
public sealed record ReflectionElement(string Field, string Heading, string Prompt, Func<ReflectionNotes, string> Read);

/// <summary>The four elements of the reflection, their prompts, and the checks on each answer.</summary>
public static class ReflectionElements
{
    /// <summary>The longest answer accepted for one element, in characters.</summary>
    public const int MaxCharacters = 5000;

    public static IReadOnlyList<ReflectionElement> All { get; } =
    [
        new("selfAwareness", "Self awareness",
            "How are you doing, and how do you know? Think about your achievements and strengths, and how you could build on them.",
            n => n.SelfAwareness),
        new("context", "Context",
            "What in your life, your department, your discipline, the University and beyond shapes your work and your plans?",
            n => n.Context),
        new("valuesAndAspirations", "Values and aspirations",
            "What motivates you, and what do you hope for in your career? How well does your work match what matters to you?",
            n => n.ValuesAndAspirations),
        new("goalsAndPlans", "Goals and plans",
            "Given the expectations of your role, what do you want to achieve next, and which steps or support would help?",
            n => n.GoalsAndPlans),
    ];

    public static ReflectionNotes Empty { get; } = new("", "", "", "");

    /// <summary>Reads the four answers from a posted form, with line endings made uniform.</summary>
    public static ReflectionNotes FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string Value(string field) => ((string?)form[field] ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return new ReflectionNotes(Value(All[0].Field), Value(All[1].Field), Value(All[2].Field), Value(All[3].Field));
    }

    /// <summary>Returns a problem for each answer over the limit and, when sending, each empty answer.</summary>
    public static List<FieldError> Check(ReflectionNotes notes, bool sending)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var errors = new List<FieldError>();
        foreach (var element in All)
        {
            var text = element.Read(notes);
            if (text.Length > MaxCharacters)
            {
                errors.Add(new FieldError(element.Field,
                    $"{element.Heading} must be {MaxCharacters:N0} characters or fewer; it has {text.Length:N0}."));
            }
            else if (sending && text.Length == 0)
            {
                errors.Add(new FieldError(element.Field, $"Write something for {element.Heading.ToLowerInvariant()} before you send your notes."));
            }
        }

        return errors;
    }

    /// <summary>Builds the template model of the four elements with their answers and remaining characters.</summary>
    public static List<Dictionary<string, object?>> Model(ReflectionNotes notes) =>
        [.. All.Select(e => new Dictionary<string, object?>
        {
            ["field"] = e.Field,
            ["heading"] = e.Heading,
            ["prompt"] = e.Prompt,
            ["value"] = e.Read(notes),
            ["paragraphs"] = e.Read(notes).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            ["remaining"] = MaxCharacters - e.Read(notes).Length,
            ["over"] = e.Read(notes).Length > MaxCharacters,
            ["max"] = MaxCharacters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        })];
}
