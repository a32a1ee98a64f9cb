using Xunit.Abstractions;
using Xunit.Sdk;

namespace CareerConv.Browser.Tests;

/// <summary>Shows that the axe check used on every page fails when a page breaks a WCAG rule.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AxeCheck_UnlabelledInput_Fails()
    {
        var page = await browser.Context.NewPageAsync();
        await page.SetContentAsync(
            "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Broken</title></head><body><main><input type=\"text\"></main></body></html>");

        var failure = await Assert.ThrowsAsync<TrueException>(() => Accessibility.AssertNoViolationsAsync(page, "broken", output));

        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
