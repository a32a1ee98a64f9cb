using System.Globalization;

namespace CareerConv.Benchmarks.Reporting;

/// <summary>One target of the benchmark and what the run measured against it.</summary>
/// <param name="Met">True for PASS, false for MISS, null when the run did not measure it.</param>
sealed record TargetCheck(string Target, string Measured, bool? Met)
{
    public string Verdict => Met switch
    {
        true => "PASS",
        false => "MISS",
        null => "not measured",
    };
}

/// <summary>Formats numbers the same way in every line of the output.</summary>
static class Units
{
    const double Mebibyte = 1024 * 1024;

    public static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / Mebibyte:N1} MiB");

    public static string KiB(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:N1} KiB");

    public static string Number(double value, int decimals = 1) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:N1} s");
}
