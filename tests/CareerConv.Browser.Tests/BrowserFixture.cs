using Microsoft.Playwright;

namespace CareerConv.Browser.Tests;

/// <summary>
/// One headless Debian Chromium for a test class, driven by Playwright with a new empty profile. The
/// browser is never downloaded: it must be installed at <see cref="ExecutablePath"/> (apt package
/// <c>chromium</c>, which .ci/run installs).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Timeout for each Playwright action and navigation, in milliseconds. It is twice Playwright's default of 30 s, for slow CI machines.</summary>
    const float DefaultTimeoutMs = 60_000;

    static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    IPlaywright? playwright;
    IBrowserContext? context;
    string? profileFolder;

    public IBrowserContext Context => context ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ExecutablePath}; install the Debian package 'chromium' (.ci/run does this).");
        }

        profileFolder = Directory.CreateTempSubdirectory("careerconv-chromium-").FullName;
        playwright = await Playwright.CreateAsync();
        context = await playwright.Chromium.LaunchPersistentContextAsync(profileFolder, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(DefaultTimeoutMs);
        context.SetDefaultNavigationTimeout(DefaultTimeoutMs);
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.CloseAsync();
        }

        playwright?.Dispose();
        if (profileFolder is not null)
        {
            Directory.Delete(profileFolder, recursive: true);
        }
    }
}

/// <summary>The browser tests run alone, so the browser and the host share the machine with nothing else.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestGroup
{
    public const string Name = "Browser";
}
