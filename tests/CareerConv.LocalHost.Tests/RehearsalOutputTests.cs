using System.Text.Json;

namespace CareerConv.LocalHost.Tests;

public sealed class RehearsalOutputTests
{
    [Fact]
    public async Task Rehearse_RosterOpensAndResponses_MatchesTheHandComputedTimeline()
    {
        var folder = Directory.CreateTempSubdirectory("careerconv-rehearse-").FullName;
        var roster = Path.Combine(folder, "roster.csv");
        var responses = Path.Combine(folder, "responses.json");
        var outFile = Path.Combine(folder, "out.json");
        await File.WriteAllTextAsync(roster,
            "Staff Number,Name,Work Email,Department,Reviewer Name,Reviewer Email\r\n"
            + "S0001,Zoë O'Brien-Núñez,z.obrien@example.ac.uk,PHYS,Dr Ada Lovelace,a.lovelace@example.ac.uk\r\n");
        await File.WriteAllTextAsync(responses,
            """{ "roles": { "Reviewer": "1.00:00:00", "Coordinator": "1.00:00:00", "Staff": "never" } }""");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await LocalHostCommand.RunAsync(
            ["rehearse", "--faculty", "SCI", "--roster", roster, "--opens", "2026-09-28", "--responses", responses, "--out", outFile],
            output, error);

        // SCI has deadlines at 17:00 and reminders at 09:00 London time, 10, 5 and 1 working days before.
        // The reviewer sets the meeting a day after the request, for ten days later at 10:00 UTC.
        string[] expected =
        [
            "2026-09-28T06:00:00Z Reviewer MeetingRequest",
            "2026-09-28T06:00:00Z Staff ReflectionInvitation",
            "2026-09-29T06:00:00Z Reviewer MeetingConfirmed",
            "2026-09-29T06:00:00Z Staff MeetingConfirmed",
            "2026-09-30T08:00:00Z Staff ReflectionReminder",
            "2026-10-06T08:00:00Z Staff ReflectionReminder",
            "2026-10-07T16:00:00Z Reviewer ReflectionMissed",
            "2026-10-07T16:00:00Z HeadOfDepartment Escalation",
            "2026-10-08T08:00:00Z Reviewer MeetingReminder",
            "2026-10-08T08:00:00Z Staff MeetingReminder",
            "2026-10-09T10:00:00Z Reviewer RecordRequest",
            "2026-10-10T10:00:00Z Coordinator HandoffRequest",
            "2026-10-11T10:00:00Z Staff Completion",
        ];
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(outFile));
        var messages = json.RootElement.GetProperty("messages").EnumerateArray().ToList();
        var actual = messages.Select(m =>
            $"{m.GetProperty("at").GetDateTimeOffset().UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} {m.GetProperty("role").GetString()} {m.GetProperty("kind").GetString()}");
        Assert.Equal(0, exitCode);
        Assert.Equal("", error.ToString());
        Assert.Equal(expected, actual);
        Assert.Equal("2026-09-30 09:00 BST", messages[4].GetProperty("local").GetString());
        Assert.All(messages, m => Assert.Equal("S0001", m.GetProperty("staffNumber").GetString()));
        var conversation = json.RootElement.GetProperty("conversations").EnumerateArray().Single();
        Assert.Equal("Completed", conversation.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Rehearse_BadResponsesFile_NamesTheValue()
    {
        var responses = Path.Combine(Directory.CreateTempSubdirectory("careerconv-rehearse-").FullName, "responses.json");
        await File.WriteAllTextAsync(responses, """{ "roles": { "Reviewer": "soon" } }""");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await LocalHostCommand.RunAsync(["rehearse", "--responses", responses], output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("'soon'", error.ToString(), StringComparison.Ordinal);
    }
}
