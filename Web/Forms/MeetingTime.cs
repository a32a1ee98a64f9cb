using System.Globalization;
using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Forms;

/// <summary>Reads a meeting date and time entered in the faculty's local time and converts it to UTC.</summary>
public static class MeetingTime
{
    public const string DayField = "meetingDay";
    public const string MonthField = "meetingMonth";
    public const string YearField = "meetingYear";
    public const string TimeField = "meetingTime";
    public const string LocationField = "location";
    public const int MaxLocationLength = 200;

    /// <summary>Returns the meeting instant in UTC, or adds problems to <paramref name="errors"/>.</summary>
    public static DateTimeOffset? Read(IFormCollection form, string timeZoneId, DateTimeOffset now, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var date = ReadDate(form, errors);
        var time = ReadTime(form, errors);
        if (date is null || time is null)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = date.Value.ToDateTime(time.Value, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            errors.Add(new FieldError(TimeField, $"{time:HH\\:mm} does not exist on that day because the clocks change; choose another time."));
            return null;
        }

        var utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        if (utc <= now)
        {
            errors.Add(new FieldError(DayField, "The meeting date must be in the future."));
            return null;
        }

        return utc;
    }

    /// <summary>Formats a UTC instant in the faculty's time zone, such as "Tuesday 20 October 2026 at 14:30".</summary>
    public static string Describe(DateTimeOffset utc, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return local.ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));
    }

    /// <summary>Returns the local date and time fields for prefilling the form.</summary>
    public static Dictionary<string, object?> Fields(DateTimeOffset? utc, string timeZoneId)
    {
        if (utc is null)
        {
            return new Dictionary<string, object?>();
        }

        var local = TimeZoneInfo.ConvertTime(utc.Value, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return new Dictionary<string, object?>
        {
            [DayField] = local.Day.ToString(CultureInfo.InvariantCulture),
            [MonthField] = local.Month.ToString(CultureInfo.InvariantCulture),
            [YearField] = local.Year.ToString(CultureInfo.InvariantCulture),
            [TimeField] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    static DateOnly? ReadDate(IFormCollection form, List<FieldError> errors)
    {
        var ok = int.TryParse(form[DayField], NumberStyles.None, CultureInfo.InvariantCulture, out var day);
        ok &= int.TryParse(form[MonthField], NumberStyles.None, CultureInfo.InvariantCulture, out var month);
        ok &= int.TryParse(form[YearField], NumberStyles.None, CultureInfo.InvariantCulture, out var year);
        if (ok && year is >= 2000 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        errors.Add(new FieldError(DayField, "Enter a real meeting date, for example 20 10 2026."));
        return null;
    }

    static TimeOnly? ReadTime(IFormCollection form, List<FieldError> errors)
    {
        var text = ((string?)form[TimeField] ?? "").Trim();
        if (TimeOnly.TryParseExact(text, ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(new FieldError(TimeField, "Enter the time in 24-hour form, for example 14:30."));
        return null;
    }
}
