using CareerConv.LocalHost.Rehearsal;

namespace CareerConv.LocalHost.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_NoArguments_RehearsesTwentyPromptStaff()
    {
        var command = CommandLine.Parse([]);

        Assert.False(command.Help);
        Assert.Equal(20, command.StaffCount);
        Assert.Equal(ResponseProfile.Prompt, command.Profile);
        Assert.Null(command.Faculty);
    }

    [Fact]
    public void Parse_EveryOption_ReadsEachValue()
    {
        var command = CommandLine.Parse(
            ["rehearse", "--faculty", "AHS", "--cycle", "2027-spring", "--staff", "7", "--profile", "slow", "--faculties", "f.json"]);

        Assert.Equal("AHS", command.Faculty);
        Assert.Equal("2027-spring", command.Cycle);
        Assert.Equal(7, command.StaffCount);
        Assert.Equal(ResponseProfile.Slow, command.Profile);
        Assert.Equal("f.json", command.FacultiesFile);
    }

    [Theory]
    [InlineData(new[] { "--staff", "0" }, "--staff '0'")]
    [InlineData(new[] { "--staff", "ten" }, "--staff 'ten'")]
    [InlineData(new[] { "--profile", "never" }, "--profile 'never'")]
    [InlineData(new[] { "--faculty" }, "'--faculty' needs a value")]
    [InlineData(new[] { "--faculty", "--staff" }, "'--faculty' needs a value")]
    [InlineData(new[] { "--colour", "red" }, "'--colour'")]
    public void Parse_InvalidInput_NamesTheValue(string[] args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(args));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownFaculty_ListsTheConfiguredOnes()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await LocalHostCommand.RunAsync(["--faculty", "LAW"], output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("Faculty 'LAW' is not configured", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("SCI", error.ToString(), StringComparison.Ordinal);
    }
}
