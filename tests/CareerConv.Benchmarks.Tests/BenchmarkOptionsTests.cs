using CareerConv.LocalHost.Rehearsal;

namespace CareerConv.Benchmarks.Tests;

public sealed class BenchmarkOptionsTests
{
    [Fact]
    public void Parse_CountsAndProfiles_ReadsLists()
    {
        var options = BenchmarkOptions.Parse(["--conversations", "50,200", "--profile", "slow", "--quick"]);

        Assert.Equal([50, 200], options.Conversations);
        Assert.Equal([ResponseProfile.Slow], options.Profiles);
        Assert.True(options.Quick);
        Assert.Equal(BenchmarkOptions.QuickRosterRows, options.RosterRows);
    }

    [Theory]
    [InlineData("--conversations", "0")]
    [InlineData("--conversations", "ten")]
    [InlineData("--profile", "eager")]
    [InlineData("--max-timer-days", "7")]
    [InlineData("--unknown", "1")]
    public void Parse_InvalidValue_Throws(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse([option, value]));

        Assert.Contains(option == "--unknown" ? "Unknown option" : value, error.Message, StringComparison.Ordinal);
    }
}
