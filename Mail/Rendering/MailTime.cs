using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CareerConv.Mail.Rendering;

/// <summary>Writes instants in a faculty's local time the way people read them: "Friday 6 March 2026, 17:00 GMT".</summary>
public static class MailTime
{
    static readonly LocalDateTimePattern Pattern =
        LocalDateTimePattern.Create("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Formats <paramref name="instant"/> in the IANA zone <paramref name="timeZoneId"/>.</summary>
    public static string Format(DateTimeOffset instant, string timeZoneId)
    {
        var zone = Zone(timeZoneId);
        var zoned = Instant.FromDateTimeOffset(instant).InZone(zone);
        return $"{Pattern.Format(zoned.LocalDateTime)} {Abbreviation(zoned)}";
    }

    /// <summary>Returns the TZDB zone, or throws naming the id.</summary>
    public static DateTimeZone Zone(string timeZoneId) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
        ?? throw new ArgumentException(
            $"Time zone '{timeZoneId}' is not in the TZDB bundled with NodaTime; use an IANA id such as Europe/London.",
            nameof(timeZoneId));

    /// <summary>
    /// The zone interval's letter abbreviation (GMT, BST, CET). TZDB names many zones only by their offset
    /// ("+08"); those are written as UTC+08:00, which nobody can misread.
    /// </summary>
    static string Abbreviation(ZonedDateTime zoned)
    {
        var name = zoned.GetZoneInterval().Name;
        if (name.Length > 0 && name.All(char.IsAsciiLetter))
        {
            return name;
        }

        var offset = zoned.Offset;
        if (offset == Offset.Zero)
        {
            return "UTC";
        }

        return "UTC" + OffsetPattern.CreateWithInvariantCulture("+HH:mm").Format(offset);
    }
}
