using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CareerConv.Browser.Tests;

/// <summary>Runs axe-core on the page in the browser and fails on any WCAG 2.2 AA violation.</summary>
static class Accessibility
{
    /// <summary>The axe-core tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA.</summary>
    static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static async Task AssertNoViolationsAsync(IPage page, string pageName, ITestOutputHelper output)
    {
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } };
        var result = await page.RunAxe(options);
        output.WriteLine($"axe on {pageName}: {result.Passes.Length} rules passed, {result.Violations.Length} violated");

        Assert.True(result.Violations.Length == 0, Describe(pageName, result.Violations));
    }

    static string Describe(string pageName, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"axe found {violations.Length} WCAG violations on the {pageName} page:");
        foreach (var violation in violations)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
            }
        }

        return text.ToString();
    }
}
