using System.Text.Json;

namespace CareerConv.Functions.Tests;

/// <summary>Finds and reads the Functions app's generated <c>functions.metadata</c>.</summary>
static class FunctionsMetadata
{
    public static IReadOnlyList<JsonElement> Load()
    {
        var path = FindPath();
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    public static JsonElement Binding(IReadOnlyList<JsonElement> functions, string functionName, string bindingType)
    {
        var function = functions.SingleOrDefault(f => f.GetProperty("name").GetString() == functionName);
        Assert.True(function.ValueKind == JsonValueKind.Object, $"functions.metadata has no function '{functionName}'.");
        var binding = Bindings(function).SingleOrDefault(b => b.GetProperty("type").GetString() == bindingType);
        Assert.True(binding.ValueKind == JsonValueKind.Object, $"Function '{functionName}' has no {bindingType} binding.");
        return binding;
    }

    public static string[] NamesWithTrigger(IReadOnlyList<JsonElement> functions, string triggerType) =>
    [
        .. functions
            .Where(f => Bindings(f).Any(b => b.GetProperty("type").GetString() == triggerType))
            .Select(f => f.GetProperty("name").GetString()!),
    ];

    static JsonElement.ArrayEnumerator Bindings(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray();

    /// <summary>
    /// Looks in the Functions project's output for the configuration this test was built in; the test
    /// project references the Functions project, so building the tests regenerates the file.
    /// </summary>
    static string FindPath()
    {
        var baseDirectory = AppContext.BaseDirectory;
        var configuration = baseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal) ? "Release" : "Debug";
        var root = new DirectoryInfo(baseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CareerConvFunctions.sln")))
        {
            root = root.Parent;
        }

        Assert.True(root is not null, $"No CareerConvFunctions.sln above {baseDirectory}.");
        var path = Path.Combine(root.FullName, "Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing; build the Functions project first.");
        return path;
    }
}
