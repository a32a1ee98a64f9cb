namespace CareerConv.Orchestrations.Timing;

/// <summary>
/// The <c>CareerConv:Timing</c> configuration section: university-wide defaults and the faculties. Values
/// are kept as configuration text and checked by <see cref="TimingOptionsValidator"/>, which reports every
/// invalid value at once.
/// </summary>
public sealed class TimingOptions
{
    public const string SectionName = "CareerConv:Timing";

    /// <summary>
    /// Path of a JSON file that contains this section's keys. A relative path is resolved against the
    /// configuration base path. The host reads it with <see cref="TimingServiceCollectionExtensions.AddFacultiesFile"/>.
    /// </summary>
    public string? FacultiesFile { get; set; }

    public TimingDefaultsOptions Defaults { get; set; } = new();

    /// <summary>Faculties by faculty code, such as SCI.</summary>
    public Dictionary<string, FacultyOptions> Faculties { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Messages for values that <see cref="TimingOptionsBinder"/> could not convert and left out; the
    /// validator reports them. Internal, so the configuration binder never binds a key to it.
    /// </summary>
    internal List<string> UnreadableValues { get; } = [];
}

/// <summary>
/// Keys that the defaults, a faculty and a department may each set. A key left unset inherits the value of
/// the level above: department, then faculty, then defaults, then the built-in value in <see cref="BuiltInTiming"/>.
/// </summary>
public class TimingRulesOptions
{
    public int? ReviewerAssignmentWorkingDays { get; set; }

    public int? MeetingScheduledWorkingDays { get; set; }

    public int? ReflectionWorkingDaysBeforeMeeting { get; set; }

    public int? RecordUploadWorkingDays { get; set; }

    public int? HandoffWorkingDays { get; set; }

    /// <summary>Working days from the start date to the meetings-held-by date of an off-cycle conversation.</summary>
    public int? OffCycleMeetingWorkingDays { get; set; }

    /// <summary>Local time of day, HH:mm, at which deadlines fall.</summary>
    public string? DeadlineTime { get; set; }

    /// <summary>Local time of day, HH:mm, at which reminders are sent.</summary>
    public string? ReminderTime { get; set; }

    public List<int>? ReminderWorkingDaysBefore { get; set; }

    public int? MeetingReminderWorkingDaysBefore { get; set; }

    /// <summary>Role names that receive an escalation when a deadline passes: Reviewer, Coordinator, HeadOfDepartment.</summary>
    public List<string>? EscalateTo { get; set; }

    /// <summary>Maximum number of conversations one reviewer conducts in a cycle.</summary>
    public int? ReviewerCap { get; set; }

    /// <summary>Label of the kind of review, carried in the conversation's settings.</summary>
    public string? ReviewType { get; set; }
}

/// <summary>University-wide defaults: the shared keys plus the place-dependent ones a faculty may override.</summary>
public sealed class TimingDefaultsOptions : TimingRulesOptions
{
    /// <summary>IANA time zone id. A Windows id such as GMT Standard Time is converted to IANA.</summary>
    public string? TimeZone { get; set; }

    /// <summary>EnglandAndWales, Scotland, NorthernIreland or None.</summary>
    public string? HolidayRegion { get; set; }

    /// <summary>University closure dates, yyyy-MM-dd, for faculties that do not list their own.</summary>
    public List<string>? ClosureDays { get; set; }
}

/// <summary>One faculty: where it is, its cycles and its departments.</summary>
public sealed class FacultyOptions : TimingRulesOptions
{
    /// <summary>Display name for people reading the configuration. The workflow does not use it.</summary>
    public string? Name { get; set; }

    public string? TimeZone { get; set; }

    public string? HolidayRegion { get; set; }

    /// <summary>Closure dates of this faculty, yyyy-MM-dd. When set, they replace the defaults' closure days.</summary>
    public List<string>? ClosureDays { get; set; }

    public List<CycleOptions>? Cycles { get; set; }

    /// <summary>Departments by department code, such as PHYS.</summary>
    public Dictionary<string, DepartmentOptions> Departments { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One department: its contacts and any timing of its own.</summary>
public sealed class DepartmentOptions : TimingRulesOptions
{
    /// <summary>Display name for people reading the configuration. The workflow does not use it.</summary>
    public string? Name { get; set; }

    public PersonOptions? HeadOfDepartment { get; set; }

    /// <summary>Optional. Without one, the staff member's line manager does the handoff.</summary>
    public PersonOptions? Coordinator { get; set; }
}

/// <summary>
/// A review window: conversations open on <see cref="Opens"/> and meetings are held by <see cref="MeetingsHeldBy"/>.
/// </summary>
public sealed class CycleOptions
{
    public string? Id { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? Opens { get; set; }

    /// <summary>yyyy-MM-dd, later than <see cref="Opens"/>.</summary>
    public string? MeetingsHeldBy { get; set; }
}

/// <summary>A named contact with an email address.</summary>
public sealed class PersonOptions
{
    public string? Name { get; set; }

    public string? Email { get; set; }
}
