using CareerConv.Orchestrations.Contracts;
using Microsoft.Extensions.Options;
using NodaTime;
using PublicHoliday;

namespace CareerConv.Orchestrations.Timing;

/// <summary>A department's contacts and review settings after defaults, faculty and department are merged.</summary>
public sealed record DepartmentSettings(Person HeadOfDepartment, Person? Coordinator, int ReviewerCap, string ReviewType);

/// <summary>
/// Merges the timing configuration (defaults, then faculty, then department, the later one winning) into a
/// <see cref="TimingSnapshot"/>, with bank holidays from the PublicHoliday package. It reads no clock: the
/// caller passes the start date. It expects options that <see cref="TimingOptionsValidator"/> accepted and
/// throws <see cref="InvalidOperationException"/> on a value that validation would have rejected.
/// </summary>
public sealed class TimingResolver(IOptions<TimingOptions> options)
{
    readonly TimingOptions settings = options.Value;

    /// <summary>
    /// Returns the timing of a department in a cycle. A cycle id that names no window of the faculty starts an
    /// off-cycle window: it opens on <paramref name="today"/> and meetings are held by
    /// <see cref="TimingRulesOptions.OffCycleMeetingWorkingDays"/> working days later.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The faculty or department is not configured.</exception>
    /// <exception cref="ArgumentException">The cycle id is not a valid cycle name.</exception>
    public TimingSnapshot Resolve(string faculty, string department, string cycleId, DateOnly today)
    {
        var (facultyCode, facultyOptions) = FindFaculty(faculty);
        var (departmentCode, departmentOptions) = FindDepartment(facultyCode, facultyOptions, department);
        var cycle = ConversationIdentity.NormaliseCycle(cycleId);
        var window = FindWindow(facultyOptions, cycle);
        var rules = new MergedRules(departmentOptions, facultyOptions, settings.Defaults ?? new TimingDefaultsOptions());
        var opens = window?.Opens ?? today;
        var region = HolidayRegionOf(facultyOptions);
        var snapshot = new TimingSnapshot(
            facultyCode,
            departmentCode,
            TimeZoneOf(facultyOptions),
            region,
            cycle,
            window is null,
            opens,
            window?.MeetingsHeldBy ?? opens,
            rules.Number(r => r.ReviewerAssignmentWorkingDays, BuiltInTiming.ReviewerAssignmentWorkingDays),
            rules.Number(r => r.MeetingScheduledWorkingDays, BuiltInTiming.MeetingScheduledWorkingDays),
            rules.Number(r => r.ReflectionWorkingDaysBeforeMeeting, BuiltInTiming.ReflectionWorkingDaysBeforeMeeting),
            rules.Number(r => r.RecordUploadWorkingDays, BuiltInTiming.RecordUploadWorkingDays),
            rules.Number(r => r.HandoffWorkingDays, BuiltInTiming.HandoffWorkingDays),
            rules.Time(r => r.DeadlineTime, BuiltInTiming.DeadlineTime),
            rules.Time(r => r.ReminderTime, BuiltInTiming.ReminderTime),
            rules.ReminderOffsets(),
            rules.Number(r => r.MeetingReminderWorkingDaysBefore, BuiltInTiming.MeetingReminderWorkingDaysBefore),
            rules.EscalationRoles(),
            NonWorkingDates(region, ClosureDays(facultyOptions), opens.Year));
        if (window is not null)
        {
            return snapshot;
        }

        var offCycleDays = rules.Number(r => r.OffCycleMeetingWorkingDays, BuiltInTiming.OffCycleMeetingWorkingDays);
        return snapshot with { MeetingsHeldBy = new ConversationCalendar(snapshot).AddWorkingDays(opens, offCycleDays) };
    }

    /// <summary>Returns a department's contacts, reviewer cap and review type.</summary>
    /// <exception cref="KeyNotFoundException">The faculty or department is not configured.</exception>
    public DepartmentSettings ResolveDepartment(string faculty, string department)
    {
        var (facultyCode, facultyOptions) = FindFaculty(faculty);
        var (departmentCode, departmentOptions) = FindDepartment(facultyCode, facultyOptions, department);
        var rules = new MergedRules(departmentOptions, facultyOptions, settings.Defaults ?? new TimingDefaultsOptions());
        var where = $"faculty '{facultyCode}' department '{departmentCode}'";
        var headOfDepartment = departmentOptions.HeadOfDepartment
            ?? throw new InvalidOperationException($"The Head of Department of {where} is not configured.");
        return new DepartmentSettings(
            ToPerson(headOfDepartment),
            departmentOptions.Coordinator is { } coordinator ? ToPerson(coordinator) : null,
            rules.Number(r => r.ReviewerCap, BuiltInTiming.ReviewerCap),
            rules.Text(r => r.ReviewType) ?? BuiltInTiming.ReviewType);
    }

    /// <summary>Returns the local date of an instant in the faculty's time zone.</summary>
    /// <exception cref="KeyNotFoundException">The faculty is not configured.</exception>
    public DateOnly LocalDate(string faculty, DateTimeOffset instant)
    {
        var (_, facultyOptions) = FindFaculty(faculty);
        var zone = DateTimeZoneProviders.Tzdb[TimeZoneOf(facultyOptions)];
        return Instant.FromDateTimeOffset(instant).InZone(zone).Date.ToDateOnly();
    }

    (string Code, FacultyOptions Options) FindFaculty(string faculty)
    {
        ArgumentNullException.ThrowIfNull(faculty);
        foreach (var (code, facultyOptions) in settings.Faculties)
        {
            if (string.Equals(code, faculty.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (code, facultyOptions ?? new FacultyOptions());
            }
        }

        throw new KeyNotFoundException(
            $"Faculty '{faculty}' is not configured under {TimingOptions.SectionName}:Faculties. "
            + $"Known faculties: {KnownCodes(settings.Faculties.Keys)}.");
    }

    static (string Code, DepartmentOptions Options) FindDepartment(
        string facultyCode, FacultyOptions faculty, string department)
    {
        ArgumentNullException.ThrowIfNull(department);
        foreach (var (code, departmentOptions) in faculty.Departments)
        {
            if (string.Equals(code, department.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (code, departmentOptions ?? new DepartmentOptions());
            }
        }

        throw new KeyNotFoundException(
            $"Department '{department}' is not configured in faculty '{facultyCode}'. "
            + $"Known departments: {KnownCodes(faculty.Departments.Keys)}.");
    }

    static string KnownCodes(IEnumerable<string> codes)
    {
        var sorted = codes.Order(StringComparer.Ordinal).ToArray();
        return sorted.Length == 0 ? "none" : string.Join(", ", sorted);
    }

    static (DateOnly Opens, DateOnly MeetingsHeldBy)? FindWindow(FacultyOptions faculty, string cycle)
    {
        foreach (var window in faculty.Cycles ?? [])
        {
            if (window?.Id is { } id && string.Equals(id.Trim(), cycle, StringComparison.OrdinalIgnoreCase))
            {
                return (ParseDate(window.Opens, "Opens"), ParseDate(window.MeetingsHeldBy, "MeetingsHeldBy"));
            }
        }

        return null;
    }

    string TimeZoneOf(FacultyOptions faculty)
    {
        var text = faculty.TimeZone ?? settings.Defaults?.TimeZone ?? BuiltInTiming.TimeZone;
        return TimingValues.TryResolveTimeZone(text, out var ianaId)
            ? ianaId
            : throw Invalid("TimeZone", text);
    }

    HolidayRegion HolidayRegionOf(FacultyOptions faculty)
    {
        var text = faculty.HolidayRegion ?? settings.Defaults?.HolidayRegion;
        if (text is null)
        {
            return BuiltInTiming.Region;
        }

        return TimingValues.TryParseRegion(text, out var region) ? region : throw Invalid("HolidayRegion", text);
    }

    IEnumerable<DateOnly> ClosureDays(FacultyOptions faculty) =>
        (faculty.ClosureDays ?? settings.Defaults?.ClosureDays ?? []).Select(d => ParseDate(d, "ClosureDays"));

    /// <summary>
    /// Returns the bank holidays of the region and the closure days from 1 January of the year before
    /// <paramref name="year"/> to 31 December two years after it, sorted and without repeats.
    /// </summary>
    internal static IReadOnlyList<DateOnly> NonWorkingDates(HolidayRegion region, IEnumerable<DateOnly> closureDays, int year)
    {
        var first = new DateOnly(year - 1, 1, 1);
        var last = new DateOnly(year + 2, 12, 31);
        var dates = new SortedSet<DateOnly>();
        for (var y = first.Year; y <= last.Year; y++)
        {
            dates.UnionWith(BankHolidays(region, y));
        }

        dates.UnionWith(closureDays.Where(d => d >= first && d <= last));
        return [.. dates];
    }

    static IEnumerable<DateOnly> BankHolidays(HolidayRegion region, int year)
    {
        if (region == HolidayRegion.None)
        {
            return [];
        }

        var country = region switch
        {
            HolidayRegion.Scotland => UKBankHoliday.UkCountries.Scotland,
            HolidayRegion.NorthernIreland => UKBankHoliday.UkCountries.NorthernIreland,
            _ => UKBankHoliday.UkCountries.England,
        };
        return new UKBankHoliday(country).PublicHolidays(year).Select(DateOnly.FromDateTime);
    }

    static DateOnly ParseDate(string? text, string key) =>
        TimingValues.TryParseDate(text, out var date) ? date : throw Invalid(key, text);

    static Person ToPerson(PersonOptions person) =>
        new((person.Name ?? string.Empty).Trim(), (person.Email ?? string.Empty).Trim());

    static InvalidOperationException Invalid(string key, string? value) =>
        new($"Timing key '{key}' has the invalid value '{value}'. The options validator should have rejected it at start-up.");

    /// <summary>The rule levels from the highest precedence (department) to the lowest (defaults).</summary>
    sealed class MergedRules(params TimingRulesOptions[] levels)
    {
        public int Number(Func<TimingRulesOptions, int?> select, int fallback) =>
            levels.Select(select).FirstOrDefault(v => v.HasValue) ?? fallback;

        public string? Text(Func<TimingRulesOptions, string?> select) =>
            levels.Select(select).FirstOrDefault(v => v is not null)?.Trim();

        public TimeOnly Time(Func<TimingRulesOptions, string?> select, TimeOnly fallback)
        {
            var text = Text(select);
            if (text is null)
            {
                return fallback;
            }

            return TimingValues.TryParseTime(text, out var time) ? time : throw Invalid("time of day", text);
        }

        public int[] ReminderOffsets() =>
            levels.Select(r => r.ReminderWorkingDaysBefore).FirstOrDefault(v => v is not null)?.ToArray()
            ?? [.. BuiltInTiming.ReminderWorkingDaysBefore];

        public IReadOnlyList<ActorRole> EscalationRoles()
        {
            var names = levels.Select(r => r.EscalateTo).FirstOrDefault(v => v is not null);
            if (names is null)
            {
                return [.. BuiltInTiming.EscalateTo];
            }

            return [.. names.Select(ParseRole).Distinct()];
        }

        static ActorRole ParseRole(string name) =>
            TimingValues.TryParseEscalationRole(name, out var role) ? role : throw Invalid("EscalateTo", name);
    }
}
