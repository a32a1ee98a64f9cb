using System.Globalization;
using NodaTime;

namespace CareerConv.LocalHost.Rehearsal;

/// <summary>Writes an instant in a faculty's time zone for the rehearsal output, such as "2026-10-02 09:00 BST".</summary>
static class LocalTime
{
    public static string Format(DateTimeOffset instant, string timeZoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[timeZoneId];
        var local = Instant.FromDateTimeOffset(instant).InZone(zone);
        var name = zone.GetZoneInterval(local.ToInstant()).Name;
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + name;
    }
}
