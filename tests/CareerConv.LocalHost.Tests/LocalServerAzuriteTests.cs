using System.Net;
using System.Text.RegularExpressions;
using CareerConv.LocalHost.Serve;
using CareerConv.Orchestrations.Timing;
using Microsoft.Extensions.Configuration;

namespace CareerConv.LocalHost.Tests;

/// <summary>The main command's steps on the Azurite that scripts/test.sh starts, in a scratch data folder.</summary>
public sealed partial class LocalServerAzuriteTests
{
    [Fact]
    public async Task Serve_SampleCycleOnAzurite_WritesOutboxWhoseLinksOpenPages()
    {
        var data = Directory.CreateTempSubdirectory("careerconv-azurite-").FullName;
        var scratch = "t" + Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder()
            .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CareerConv:Storage:NamePrefix"] = scratch,
                ["CareerConv:Engine:TaskHub"] = scratch,
            })
            .Build();
        await using var server = await LocalServer.StartAsync(configuration, new ServeSettings(0, InMemory: false, data, Sample: true));
        using var output = new StringWriter();

        var result = await SampleCycle.ImportAsync(server, output);
        // Each of the 30 staff with a roster reviewer gets an invitation, and their reviewer a meeting
        // request. The 15 without a reviewer are listed in one digest per department (three in all).
        await WaitForOutboxAsync(Path.Combine(data, "outbox"), (30 * 2) + 3);
        using var http = new HttpClient { BaseAddress = server.Address };
        var index = await http.GetStringAsync(new Uri("outbox", UriKind.Relative));
        var file = Regex.Match(index, "/outbox/email\\?file=([^\"]*ReflectionInvitation[^\"]*)").Groups[1].Value;
        var email = await http.GetStringAsync(new Uri("outbox/email?file=" + file, UriKind.Relative));
        var link = LinkPattern().Match(email).Value;
        var page = await http.GetAsync(new Uri(link));
        var escape = await http.GetAsync(new Uri("outbox/email?file=..%2Fadmin-key", UriKind.Relative));

        Assert.Equal(45, result.ToStart);
        Assert.Contains("ReviewerRequest", index, StringComparison.Ordinal);
        Assert.StartsWith(server.Address + "links/reflection?t=", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
    }

    static async Task WaitForOutboxAsync(string folder, int emails)
    {
        var path = Path.Combine(folder, "index.jsonl");
        for (var i = 0; i < 120; i++)
        {
            if (File.Exists(path) && (await File.ReadAllLinesAsync(path)).Length >= emails)
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The outbox at {folder} did not reach {emails} emails within 60 s.");
    }

    [GeneratedRegex("http://127\\.0\\.0\\.1:[0-9]+/links/reflection\\?t=[A-Za-z0-9._%-]+")]
    private static partial Regex LinkPattern();
}
