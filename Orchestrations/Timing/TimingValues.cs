using System.Globalization;
using System.Net.Mail;
using CareerConv.Orchestrations.Contracts;
using NodaTime;
using TimeZoneConverter;

namespace CareerConv.Orchestrations.Timing;

/// <summary>Parses the text values of the timing configuration. The validator and the resolver share these rules.</summary>
public static class TimingValues
{
    static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    /// <summary>
    /// Resolves a time zone id to an IANA id in NodaTime's bundled TZDB. A Windows id such as
    /// GMT Standard Time is converted with TimeZoneConverter.
    /// </summary>
    public static bool TryResolveTimeZone(string? text, out string ianaId)
    {
        ianaId = string.Empty;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(trimmed) is not null)
        {
            ianaId = trimmed;
            return true;
        }

        if (TZConvert.TryWindowsToIana(trimmed, out var converted)
            && DateTimeZoneProviders.Tzdb.GetZoneOrNull(converted) is not null)
        {
            ianaId = converted;
            return true;
        }

        return false;
    }

    /// <summary>Parses a 24-hour local time of day, HH:mm or HH:mm:ss.</summary>
    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Parses an ISO 8601 calendar date, yyyy-MM-dd.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Parses a holiday region by its name, ignoring case. Numeric values are rejected.</summary>
    public static bool TryParseRegion(string? text, out HolidayRegion region) =>
        TryParseName(text, Enum.GetValues<HolidayRegion>(), out region);

    /// <summary>Parses a role that can receive escalations by its name, ignoring case.</summary>
    public static bool TryParseEscalationRole(string? text, out ActorRole role) =>
        TryParseName(text, BuiltInTiming.EscalationRoles, out role);

    /// <summary>Returns whether the text is one plain email address with a dotted domain, without a display name.</summary>
    public static bool IsEmailAddress(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !MailAddress.TryCreate(trimmed, out var address))
        {
            return false;
        }

        return address.Address == trimmed && address.Host.Contains('.', StringComparison.Ordinal);
    }

    static bool TryParseName<T>(string? text, IEnumerable<T> allowed, out T value)
        where T : struct, Enum
    {
        var trimmed = text?.Trim();
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
