using System.Text.Json.Nodes;
using Bulkhead.Cli.Tests;
using Bulkhead.EndToEnd.Tests.Fleet;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>
/// Issue #19's must-show for the kill switch, in Chromium during a real <c>bulkhead demo</c>: the operator pulls it from
/// the page; every order of every strategy is gone from the sandbox (read with each account's own reconciler key) within
/// the switch's timeout — the supervisor's stop timeout, after which a worker that has not stopped is killed; nothing
/// restarts, a resume is refused, until the switch is re-armed.
/// </summary>
[Collection(DashboardProcesses.Name)]
public sealed class KillSwitchTests
{
    private const string OperatorToken = "demo-operator-token-0123456789";

    /// <summary>The supervisor's stop timeout (FleetSupervisorOptions.StopTimeout): the kill switch waits that long for each trader.</summary>
    private static readonly TimeSpan SwitchTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Demo_KillSwitchFromThePage_EveryOrderCancelledWithinItsTimeout_NothingRestartsUntilRearmed()
    {
        await using var demo = await DemoProcess.StartAsync(TimeSpan.FromMinutes(3), "--operator-token", OperatorToken);
        await using var chromium = await SystemChromium.LaunchAsync();
        var manifest = Path.Combine(demo.DataFolder, "fleet.toml");
        await Polling.UntilAsync(async () => (await demo.StatusAsync()).Values.All(s => (string)s["state"]! == "running"), TimeSpan.FromMinutes(3), "every process of the demo to run");
        await Polling.UntilAsync(async () => (await OpenOrdersAsync(demo, manifest)).Values.Sum() > 0, TimeSpan.FromMinutes(2), "open orders on the sandbox to cancel");
        var before = await OpenOrdersAsync(demo, manifest);
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(demo.Dashboard, $"?token={OperatorToken}").ToString());
        await page.WaitForSelectorAsync("[data-testid=kill-switch]", new PageWaitForSelectorOptions { Timeout = 60_000 });

        await page.Locator("[data-testid=kill-switch]").ClickAsync();
        await page.Locator("[data-testid=operator-name]").FillAsync("ann");
        var pulled = TimeProvider.System.GetTimestamp();
        await page.Locator("[data-testid=confirm-ok]").ClickAsync();

        Dictionary<string, int> open = [];
        await Polling.UntilAsync(async () => (open = await OpenOrdersAsync(demo, manifest)).Values.Sum() == 0, TimeSpan.FromMinutes(1), "every order cancelled on the sandbox");
        var cancelledWithin = TimeProvider.System.GetElapsedTime(pulled);
        TestContext.Current.TestOutputHelper?.WriteLine($"kill switch: open orders before {string.Join(", ", before.Select(o => $"{o.Key} {o.Value}"))}; none left {cancelledWithin.TotalSeconds:0.0} s after the click (checked with the reconciler keys, a CLI call per account)");
        cancelledWithin.ShouldBeLessThan(SwitchTimeout + TimeSpan.FromSeconds(10), "the switch's timeout, plus the time the checks themselves take");
        await page.Locator("[data-testid=kill-banner]:visible").WaitForAsync();
        (await page.Locator("[data-testid=kill-banner]").TextContentAsync())!.ShouldContain("Kill switch pulled by ann");
        var kill = await page.Locator("[data-testid=actions] tr[data-action-id]").First.GetAttributeAsync("data-state");
        await Polling.UntilAsync(async () => await page.Locator("[data-testid=actions] tr[data-action-id]").First.GetAttributeAsync("data-state") == "done", TimeSpan.FromSeconds(60), "the kill to be journaled done");
        _ = kill;

        // Nothing restarts: not by itself, not on a resume.
        var halted = await demo.StatusAsync();
        foreach (var trader in (string[])["mm-trader", "momo-trader", "hedge-trader"])
        {
            ((string)halted[trader]["state"]!).ShouldBe("halted", trader);
            ((string)halted[trader]["haltReason"]!).ShouldStartWith("kill switch: pulled by ann");
        }

        await Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var later = await demo.StatusAsync();
        later.Where(p => p.Key.EndsWith("-trader", StringComparison.Ordinal)).Select(p => ((string)p.Value["state"]!, (int)p.Value["restarts"]!)).ShouldAllBe(s => s.Item1 == "halted");
        (await OpenOrdersAsync(demo, manifest)).Values.Sum().ShouldBe(0, "nothing placed since");
        var resume = await OperatorFleet.ActAsync(page, "resume", "mm", "ann");
        (await page.Locator($"tr[data-action-id='{resume}']").GetAttributeAsync("data-state")).ShouldBe("refused");
        (await page.Locator($"tr[data-action-id='{resume}']").TextContentAsync())!.ShouldContain("re-arm it first");

        // Re-armed: still nothing starts by itself; a resume now runs the strategy again.
        await OperatorFleet.ActAsync(page, "rearm", "fleet", "ann", button: "[data-testid=rearm]");
        await page.Locator("[data-testid=kill-banner]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        ((string)(await demo.StatusAsync())["mm-trader"]["state"]!).ShouldBe("halted");
        await OperatorFleet.ActAsync(page, "resume", "mm", "ann");
        await Polling.UntilAsync(async () => (string)(await demo.StatusAsync())["mm-trader"]["state"]! == "running", TimeSpan.FromSeconds(90), "mm-trader running after the re-arm and resume");
    }

    /// <summary>Open orders per account, read from the sandbox with each account's reconciler key (<c>bulkhead api … --fleet</c>).</summary>
    private static async Task<Dictionary<string, int>> OpenOrdersAsync(DemoProcess demo, string manifest)
    {
        var environment = new Dictionary<string, string?> { ["BULKHEAD_HOME"] = Path.Combine(demo.DataFolder, "..", "home"), ["BULKHEAD_SECRETS_KEY"] = null, ["BULKHEAD_ADMIN_TOKEN"] = null };
        var calls = new[]
        {
            ("mm", CliProcess.RunAsync(environment, "api", "spot", "OpenOrders", "--fleet", manifest, "--process", "mm-reconciler")),
            ("momo", CliProcess.RunAsync(environment, "api", "spot", "OpenOrders", "--fleet", manifest, "--process", "momo-reconciler")),
            ("hedge", CliProcess.RunAsync(environment, "api", "futures", "GET", "openorders", "--fleet", manifest, "--process", "hedge-reconciler")),
        };
        var result = new Dictionary<string, int>();
        foreach (var (account, call) in calls)
        {
            var run = await call;
            run.ExitCode.ShouldBe(0, run.Error);
            var json = JsonNode.Parse(run.Out)!;
            result[account] = account == "hedge" ? json["openOrders"]!.AsArray().Count : json["open"]!.AsObject().Count;
        }

        return result;
    }
}
