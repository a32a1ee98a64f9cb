using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CareerConv.Orchestrations.Timing;

/// <summary>
/// Binds the timing section. The configuration binder leaves a list property null when its key exists with
/// no items, as from a JSON <c>[]</c> or an empty environment variable, and the list would then inherit the
/// level above. This binder sets such a list to empty, so <c>"EscalateTo": []</c> turns escalation off.
/// A working-day count that is not a whole number would make the configuration binder throw, so such
/// values are left out of binding and kept in <see cref="TimingOptions.UnreadableValues"/> for
/// <see cref="TimingOptionsValidator"/> to report with every other problem.
/// </summary>
public static class TimingOptionsBinder
{
    /// <summary>Binds <paramref name="section"/> into <paramref name="options"/>. A key the options do not define throws.</summary>
    public static void Bind(IConfigurationSection section, TimingOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var readable = WithoutUnreadableNumbers(section, options.UnreadableValues);
        BindReadable(readable, options);
    }

    static void BindReadable(IConfiguration section, TimingOptions options)
    {
        section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        var defaults = section.GetSection(nameof(TimingOptions.Defaults));
        options.Defaults ??= new TimingDefaultsOptions();
        ClearEmptyLists(defaults, options.Defaults);
        if (IsEmptyList(defaults, nameof(TimingDefaultsOptions.ClosureDays)))
        {
            options.Defaults.ClosureDays = [];
        }

        var faculties = section.GetSection(nameof(TimingOptions.Faculties));
        foreach (var (facultyCode, faculty) in options.Faculties)
        {
            var facultySection = faculties.GetSection(facultyCode);
            if (faculty is null)
            {
                continue;
            }

            ClearEmptyLists(facultySection, faculty);
            if (IsEmptyList(facultySection, nameof(FacultyOptions.ClosureDays)))
            {
                faculty.ClosureDays = [];
            }

            var departments = facultySection.GetSection(nameof(FacultyOptions.Departments));
            foreach (var (departmentCode, department) in faculty.Departments)
            {
                if (department is not null)
                {
                    ClearEmptyLists(departments.GetSection(departmentCode), department);
                }
            }
        }
    }

    /// <summary>
    /// Returns a copy of the section without the whole-number keys whose values do not parse as an
    /// <see cref="int"/>, and adds a message for each one to <paramref name="problems"/>. An empty single
    /// value stays, because the binder reads it as unset; an empty list item would make the binder throw.
    /// </summary>
    static IConfiguration WithoutUnreadableNumbers(IConfigurationSection section, List<string> problems)
    {
        var kept = new List<KeyValuePair<string, string?>>();
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null && WholeNumberKey(key) is { } where && (value.Length > 0 || IsListItem(key))
                && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"{where}: '{value}' is not a whole number.");
                continue;
            }

            kept.Add(KeyValuePair.Create(key, value));
        }

        return new ConfigurationBuilder().AddInMemoryCollection(kept).Build();
    }

    /// <summary>
    /// Names the place of a whole-number key, such as <c>Faculty 'SCI' key 'HandoffWorkingDays'</c>,
    /// or returns null for any other key.
    /// </summary>
    static string? WholeNumberKey(string key)
    {
        var parts = key.Split(ConfigurationPath.KeyDelimiter);
        var listItem = IsListItem(key);
        var owner = listItem ? parts[..^2] : parts[..^1];
        var name = listItem ? parts[^2] + ConfigurationPath.KeyDelimiter + parts[^1] : parts[^1];
        if (!listItem && !WholeNumberKeys.Contains(parts[^1]))
        {
            return null;
        }

        return owner switch
        {
            [var level] when level.Equals(nameof(TimingOptions.Defaults), StringComparison.OrdinalIgnoreCase) =>
                $"Defaults key '{name}'",
            [var faculties, var faculty] when faculties.Equals(nameof(TimingOptions.Faculties), StringComparison.OrdinalIgnoreCase) =>
                $"Faculty '{faculty}' key '{name}'",
            [var faculties, var faculty, var departments, var department]
                when faculties.Equals(nameof(TimingOptions.Faculties), StringComparison.OrdinalIgnoreCase)
                && departments.Equals(nameof(FacultyOptions.Departments), StringComparison.OrdinalIgnoreCase) =>
                $"Faculty '{faculty}' department '{department}' key '{name}'",
            _ => null,
        };
    }

    static bool IsListItem(string key)
    {
        var parts = key.Split(ConfigurationPath.KeyDelimiter);
        return parts.Length > 1 && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && string.Equals(parts[^2], nameof(TimingRulesOptions.ReminderWorkingDaysBefore), StringComparison.OrdinalIgnoreCase);
    }

    static readonly HashSet<string> WholeNumberKeys = new(
        typeof(TimingRulesOptions).GetProperties()
            .Where(property => property.PropertyType == typeof(int?))
            .Select(property => property.Name),
        StringComparer.OrdinalIgnoreCase);

    static void ClearEmptyLists(IConfiguration section, TimingRulesOptions rules)
    {
        if (IsEmptyList(section, nameof(TimingRulesOptions.ReminderWorkingDaysBefore)))
        {
            rules.ReminderWorkingDaysBefore = [];
        }

        if (IsEmptyList(section, nameof(TimingRulesOptions.EscalateTo)))
        {
            rules.EscalateTo = [];
        }
    }

    /// <summary>Returns whether the key is present with an empty or null value and no items.</summary>
    static bool IsEmptyList(IConfiguration parent, string key) =>
        parent.GetChildren().Any(child =>
            string.Equals(child.Key, key, StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(child.Value)
            && !child.GetChildren().Any());
}
