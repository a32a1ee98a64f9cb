using CareerConv.Orchestrations.Contracts;
using Microsoft.Extensions.Options;

namespace CareerConv.Orchestrations.Timing;

/// <summary>
/// Checks the whole timing section at start-up and reports every problem at once. Each message names the
/// faculty and department, the key, the invalid value and what is allowed.
/// </summary>
public sealed class TimingOptionsValidator : IValidateOptions<TimingOptions>
{
    const string Defaults = "Defaults";

    public ValidateOptionsResult Validate(string? name, TimingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>(options.UnreadableValues);
        var defaults = options.Defaults ?? new TimingDefaultsOptions();
        CheckRules(Defaults, defaults, problems);
        CheckPlace(Defaults, defaults.TimeZone, defaults.HolidayRegion, defaults.ClosureDays, problems);
        if (options.Faculties is not { Count: > 0 })
        {
            problems.Add("Key 'Faculties' is missing. Add at least one faculty under CareerConv:Timing:Faculties.");
        }
        else
        {
            foreach (var (code, faculty) in options.Faculties.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                CheckFaculty(code, faculty ?? new FacultyOptions(), problems);
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    static void CheckFaculty(string code, FacultyOptions faculty, List<string> problems)
    {
        var where = $"Faculty '{code}'";
        CheckRules(where, faculty, problems);
        CheckPlace(where, faculty.TimeZone, faculty.HolidayRegion, faculty.ClosureDays, problems);
        CheckCycles(where, faculty.Cycles ?? [], problems);
        if (faculty.Departments is not { Count: > 0 })
        {
            problems.Add($"{where} key 'Departments' is missing. Add at least one department with a HeadOfDepartment.");
            return;
        }

        foreach (var (departmentCode, department) in faculty.Departments.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var departmentWhere = $"{where} department '{departmentCode}'";
            var checkedDepartment = department ?? new DepartmentOptions();
            CheckRules(departmentWhere, checkedDepartment, problems);
            CheckPerson(departmentWhere, "HeadOfDepartment", checkedDepartment.HeadOfDepartment, required: true, problems);
            CheckPerson(departmentWhere, "Coordinator", checkedDepartment.Coordinator, required: false, problems);
        }
    }

    static void CheckRules(string where, TimingRulesOptions rules, List<string> problems)
    {
        // Zero reflection days would put that deadline at the deadline time on the meeting's own day, often after it.
        (string Key, int? Value, int Minimum)[] counts =
        [
            (nameof(rules.ReviewerAssignmentWorkingDays), rules.ReviewerAssignmentWorkingDays, 0),
            (nameof(rules.MeetingScheduledWorkingDays), rules.MeetingScheduledWorkingDays, 0),
            (nameof(rules.ReflectionWorkingDaysBeforeMeeting), rules.ReflectionWorkingDaysBeforeMeeting, 1),
            (nameof(rules.RecordUploadWorkingDays), rules.RecordUploadWorkingDays, 0),
            (nameof(rules.HandoffWorkingDays), rules.HandoffWorkingDays, 0),
            (nameof(rules.OffCycleMeetingWorkingDays), rules.OffCycleMeetingWorkingDays, 1),
            (nameof(rules.MeetingReminderWorkingDaysBefore), rules.MeetingReminderWorkingDaysBefore, 0),
        ];
        foreach (var (key, value, minimum) in counts)
        {
            CheckWorkingDays(where, key, value, minimum, problems);
        }

        CheckTime(where, nameof(rules.DeadlineTime), rules.DeadlineTime, problems);
        CheckTime(where, nameof(rules.ReminderTime), rules.ReminderTime, problems);
        var offsets = rules.ReminderWorkingDaysBefore ?? [];
        for (var i = 0; i < offsets.Count; i++)
        {
            CheckWorkingDays(where, $"{nameof(rules.ReminderWorkingDaysBefore)}:{i}", offsets[i], 1, problems);
        }

        CheckEscalation(where, rules.EscalateTo ?? [], problems);
        if (rules.ReviewerCap is < 1 and var cap)
        {
            problems.Add($"{where} key 'ReviewerCap': '{cap}' is out of range. Use a whole number of 1 or more.");
        }

        if (rules.ReviewType is { } reviewType && string.IsNullOrWhiteSpace(reviewType))
        {
            problems.Add(
                $"{where} key 'ReviewType': '{reviewType}' is blank. "
                + $"Give a label such as {BuiltInTiming.ReviewType}, or remove the key.");
        }
    }

    static void CheckEscalation(string where, List<string> roles, List<string> problems)
    {
        var allowed = string.Join(", ", BuiltInTiming.EscalationRoles);
        for (var i = 0; i < roles.Count; i++)
        {
            if (!TimingValues.TryParseEscalationRole(roles[i], out ActorRole _))
            {
                problems.Add(
                    $"{where} key 'EscalateTo:{i}': '{roles[i]}' is not a role that receives escalations. "
                    + $"Use one of {allowed}.");
            }
        }
    }

    static void CheckPlace(string where, string? timeZone, string? region, List<string>? closureDays, List<string> problems)
    {
        if (timeZone is not null && !TimingValues.TryResolveTimeZone(timeZone, out _))
        {
            problems.Add(
                $"{where} key 'TimeZone': '{timeZone}' is not a known time zone. "
                + "Use an IANA id such as Europe/London.");
        }

        if (region is not null && !TimingValues.TryParseRegion(region, out _))
        {
            var allowed = string.Join(", ", Enum.GetNames<HolidayRegion>());
            problems.Add($"{where} key 'HolidayRegion': '{region}' is not a known holiday region. Use one of {allowed}.");
        }

        var days = closureDays ?? [];
        for (var i = 0; i < days.Count; i++)
        {
            CheckDate(where, $"ClosureDays:{i}", days[i], problems);
        }
    }

    static void CheckCycles(string where, List<CycleOptions> cycles, List<string> problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cycles.Count; i++)
        {
            var cycle = cycles[i] ?? new CycleOptions();
            var key = $"Cycles:{i}";
            if (CheckCycleId(where, key, cycle.Id, problems) is { } id && !seen.TryAdd(id, i))
            {
                problems.Add(
                    $"{where} key '{key}:Id': '{cycle.Id}' repeats the id of Cycles:{seen[id]}. "
                    + "Give each cycle its own id.");
            }

            var opens = CheckDate(where, $"{key}:Opens", cycle.Opens, problems);
            var heldBy = CheckDate(where, $"{key}:MeetingsHeldBy", cycle.MeetingsHeldBy, problems);
            if (opens is { } from && heldBy is { } to && to <= from)
            {
                problems.Add(
                    $"{where} key '{key}:MeetingsHeldBy': '{cycle.MeetingsHeldBy}' is not after Opens '{cycle.Opens}'. "
                    + "Set a date later than Opens.");
            }
        }
    }

    static string? CheckCycleId(string where, string key, string? id, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add($"{where} key '{key}:Id' is missing. Give the cycle an id such as 2026-autumn.");
            return null;
        }

        try
        {
            return ConversationIdentity.NormaliseCycle(id);
        }
        catch (ArgumentException)
        {
            problems.Add(
                $"{where} key '{key}:Id': '{id}' is not a valid cycle id. Use 1 to {ConversationIdentity.MaxPartLength} "
                + "letters, digits or hyphens, starting with a letter or digit.");
            return null;
        }
    }

    static void CheckPerson(string where, string key, PersonOptions? person, bool required, List<string> problems)
    {
        if (person is null)
        {
            if (required)
            {
                problems.Add($"{where} key '{key}' is missing. Give its Name and Email.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(person.Name))
        {
            problems.Add($"{where} key '{key}:Name' is missing. Give the person's name.");
        }

        if (string.IsNullOrWhiteSpace(person.Email))
        {
            problems.Add($"{where} key '{key}:Email' is missing. Give an email address such as name@example.ac.uk.");
        }
        else if (!TimingValues.IsEmailAddress(person.Email))
        {
            problems.Add(
                $"{where} key '{key}:Email': '{person.Email}' is not a valid email address. "
                + "Give one address without a display name, such as name@example.ac.uk.");
        }
    }

    static void CheckWorkingDays(string where, string key, int? value, int minimum, List<string> problems)
    {
        if (value is { } days && (days < minimum || days > BuiltInTiming.MaxWorkingDays))
        {
            problems.Add(
                $"{where} key '{key}': '{days}' is out of range. "
                + $"Use a whole number of working days from {minimum} to {BuiltInTiming.MaxWorkingDays}.");
        }
    }

    static void CheckTime(string where, string key, string? value, List<string> problems)
    {
        if (value is not null && !TimingValues.TryParseTime(value, out _))
        {
            problems.Add(
                $"{where} key '{key}': '{value}' is not a valid time of day. "
                + "Use 24-hour HH:mm from 00:00 to 23:59, such as 17:00.");
        }
    }

    static DateOnly? CheckDate(string where, string key, string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{where} key '{key}' is missing. Give a date as yyyy-MM-dd, such as 2026-09-01.");
            return null;
        }

        if (!TimingValues.TryParseDate(value, out var date))
        {
            problems.Add($"{where} key '{key}': '{value}' is not a valid date. Use yyyy-MM-dd, such as 2026-09-01.");
            return null;
        }

        return date;
    }
}
