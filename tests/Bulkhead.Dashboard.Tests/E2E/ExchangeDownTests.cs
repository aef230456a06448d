using Bulkhead.Cli.Tests.Fleet;
using Bulkhead.EndToEnd.Tests.Fleet;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>
/// The page keeps working when its sources go away, and says so without a reload: the example fleet on a sandbox in this
/// test process, <c>bulkhead run --only dashboard</c> serving the page; the test stops the sandbox (the page shows the
/// exchange down), then SIGTERMs <c>bulkhead run</c> (the page shows itself disconnected).
/// </summary>
[Collection(DashboardProcesses.Name)]
public sealed class ExchangeDownTests
{
    private static readonly string[] SaysDown = ["down", "unreachable", "disconnected", "cannot reach", "not reachable"];

    [Fact]
    public async Task SandboxStopped_PageSaysExchangeDown_ThenServerStopped_PageSaysDisconnected_NeverReloaded()
    {
        await using var fleet = await LiveFleet.StartAsync();
        await using var chromium = await SystemChromium.LaunchAsync();
        using var run = CliChild.Start(fleet.Environment, "run", fleet.Manifest, "--port", "0", "--only", "dashboard");
        Uri? url = null;
        await Polling.UntilAsync(() => (url = DemoProcess.FindDashboard(run.Out)) is not null || run.HasExited, TimeSpan.FromMinutes(2), "bulkhead run to print its dashboard URL");
        run.HasExited.ShouldBeFalse($"{run.Out}\n{run.Error}");

        var dashboard = await DashboardPage.OpenAsync(chromium, url!);
        await Polling.UntilAsync(async () => await dashboard.AttributeAsync("[data-testid=exchange]", "data-state") == "up", TimeSpan.FromMinutes(2), "the page to show the exchange up");
        await Polling.UntilAsync(async () => await dashboard.AttributeAsync("[data-testid=connection]", "data-state") == "live", TimeSpan.FromSeconds(60), "the page's live updates to connect");

        await fleet.App.StopAsync(TestContext.Current.CancellationToken);
        await Polling.UntilAsync(async () => await dashboard.AttributeAsync("[data-testid=exchange]", "data-state") == "down", TimeSpan.FromMinutes(2), "the page to show the exchange down");
        var exchange = await dashboard.Page.Locator("[data-testid=exchange]").First.InnerTextAsync();
        SaysDown.Any(w => exchange.Contains(w, StringComparison.OrdinalIgnoreCase)).ShouldBeTrue($"the page says the exchange is down: \"{exchange}\"");
        (await dashboard.AttributeAsync("[data-testid=connection]", "data-state")).ShouldBe("live", "the dashboard itself still answers");
        (await dashboard.NotReloadedAsync()).ShouldBeTrue();
        var screenshot = Path.Combine(DashboardTests.OutputFolder, "dashboard-exchange-down.png");
        await dashboard.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        run.Terminate();
        await run.WaitForExitAsync(TimeSpan.FromMinutes(2));
        await Polling.UntilAsync(async () => await dashboard.AttributeAsync("[data-testid=connection]", "data-state") == "disconnected", TimeSpan.FromSeconds(60), "the page to show itself disconnected");
        var connection = await dashboard.Page.Locator("[data-testid=connection]").First.InnerTextAsync();
        connection.ShouldContain("disconnected", Case.Insensitive);
        (await dashboard.NotReloadedAsync()).ShouldBeTrue("the page stayed, saying so");
        TestContext.Current.TestOutputHelper?.WriteLine($"exchange: \"{exchange}\"; connection: \"{connection}\"; screenshot: {screenshot}");
    }
}
