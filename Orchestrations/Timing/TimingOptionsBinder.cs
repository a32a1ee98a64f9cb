using Microsoft.Extensions.Configuration;

namespace CareerConv.Orchestrations.Timing;

/// <summary>
/// Binds the timing section. The configuration binder leaves a list property null when its key exists with
/// no items, as from a JSON <c>[]</c> or an empty environment variable, and the list would then inherit the
/// level above. This binder sets such a list to empty, so <c>"EscalateTo": []</c> turns escalation off.
/// </summary>
public static class TimingOptionsBinder
{
    /// <summary>Binds <paramref name="section"/> into <paramref name="options"/>. A key the options do not define throws.</summary>
    public static void Bind(IConfigurationSection section, TimingOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
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

    static void ClearEmptyLists(IConfigurationSection section, TimingRulesOptions rules)
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
    static bool IsEmptyList(IConfigurationSection parent, string key) =>
        parent.GetChildren().Any(child =>
            string.Equals(child.Key, key, StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(child.Value)
            && !child.GetChildren().Any());
}
