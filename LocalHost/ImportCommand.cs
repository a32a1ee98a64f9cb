using System.Net.Http.Headers;
using CareerConv.Web.Hosting;

namespace CareerConv.LocalHost;

/// <summary>Sends a roster to a running host's import route and prints the report it returns.</summary>
static class ImportCommand
{
    public static async Task<int> RunAsync(CommandLine command, TextWriter output, TextWriter error)
    {
        if (command.Roster is null || command.Faculty is null || command.Cycle is null)
        {
            throw new ArgumentException("import needs --roster FILE, --faculty CODE and --cycle ID.");
        }

        var key = command.Key ?? ReadKey(command.DataFolder);
        using var http = new HttpClient { BaseAddress = command.Url, Timeout = TimeSpan.FromMinutes(10) };
        await using var roster = File.OpenRead(command.Roster);
        using var content = new StreamContent(roster);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var path = $"api/admin/cycles/import?cycle={Uri.EscapeDataString(command.Cycle)}&faculty={Uri.EscapeDataString(command.Faculty)}&strict={(command.Strict ? "true" : "false")}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add(AdminKey.HeaderName, key);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        await (response.IsSuccessStatusCode ? output : error).WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}");
        await (response.IsSuccessStatusCode ? output : error).WriteLineAsync(body);
        return response.IsSuccessStatusCode ? 0 : 1;
    }

    static string ReadKey(string dataFolder)
    {
        var path = Path.Combine(dataFolder, "admin-key");
        return File.Exists(path)
            ? File.ReadAllText(path).Trim()
            : throw new ArgumentException($"No admin key at '{path}'; pass --key, or start the host with 'serve' first.");
    }
}
