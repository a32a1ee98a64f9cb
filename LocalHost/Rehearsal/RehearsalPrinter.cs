using System.Globalization;

namespace CareerConv.LocalHost.Rehearsal;

/// <summary>Writes a rehearsal report for people to read.</summary>
static class RehearsalPrinter
{
    public static async Task PrintAsync(RehearsalReport report, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(culture,
            $"Ran {report.Started} conversations from {report.VirtualStart:yyyy-MM-dd} to {report.VirtualEnd:yyyy-MM-dd} (virtual time) in {report.Elapsed.TotalSeconds:F1} s."));
        await output.WriteLineAsync("Outcomes:");
        foreach (var (outcome, count) in report.Outcomes)
        {
            await output.WriteLineAsync(string.Create(culture, $"  {outcome,-22} {count,7}"));
        }

        await output.WriteLineAsync("Emails by kind:");
        foreach (var (kind, count) in report.MessagesByKind)
        {
            await output.WriteLineAsync(string.Create(culture, $"  {kind,-22} {count,7}"));
        }

        await output.WriteLineAsync("Timeline of the first conversation (UTC):");
        foreach (var entry in report.SampleTimeline)
        {
            await output.WriteLineAsync(string.Create(culture, $"  {entry.At:yyyy-MM-dd HH:mm}  {entry.Kind,-16} {entry.Summary}"));
        }
    }
}
