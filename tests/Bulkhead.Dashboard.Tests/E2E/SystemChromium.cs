using Microsoft.Playwright;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>
/// Playwright driving Debian's own Chromium (<c>/usr/bin/chromium</c>, the <c>chromium</c> package that test.sh installs):
/// headless, <c>--no-sandbox</c> because CI runs as root. Playwright's browser download is never used.
/// </summary>
internal sealed class SystemChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private SystemChromium(IPlaywright playwright, IBrowser browser)
    {
        Playwright = playwright;
        Browser = browser;
    }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public static async Task<SystemChromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException($"{ExecutablePath} is missing: install Debian's chromium (`apt-get install chromium`; ./test.sh does)", ExecutablePath);
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox"],
                Timeout = 60_000,
            });
            return new SystemChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh page (its own context) with generous timeouts for two busy cores.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
    }
}
