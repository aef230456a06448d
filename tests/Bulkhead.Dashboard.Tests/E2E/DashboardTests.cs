using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bulkhead.EndToEnd.Tests.Fleet;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>
/// Issue #9's must-show in a real browser: the system Chromium opens the dashboard of a real <c>bulkhead demo</c> (one demo
/// shared by these tests): the page loads under 500 KB (its first render is printed), the tree shows every subaccount and
/// process of examples/fleet.toml, a strategy worker SIGKILLed by the test turns red and back to green after the supervisor
/// restarts it without a reload, and the fee panel shows the consolidated volume of <c>/api/fees</c>. A screenshot is saved.
/// </summary>
[Collection(DashboardProcesses.Name)]
public sealed class DashboardTests(DemoDashboard fixture) : IClassFixture<DemoDashboard>
{
    private const long MaxPageWeight = 500 * 1024;
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);

    private DemoProcess Demo => fixture.Demo;

    [Fact]
    public async Task Demo_ServesApiStatus_EveryLongRunningProcessRuns()
    {
        await Polling.UntilAsync(async () => (await Demo.StatusAsync()) is var now && DemoDashboard.LongRunning.All(p => now.TryGetValue(p, out var s) && s["state"]!.GetValue<string>() == "running"),
            Settle, "every long-running process of the demo to run");
    }

    [Fact]
    public async Task Page_LoadsFromTheDemo_UnderHalfAMegabyte_FirstRenderPrinted()
    {
        var dashboard = await DashboardPage.OpenAsync(fixture.Chromium, Demo.Dashboard, FleetDocumentBytesAsync);

        (await dashboard.AttributeAsync("body", "data-rendered")).ShouldBe("1");
        (await dashboard.Page.Locator("[data-testid=tree]").CountAsync()).ShouldBe(1);
        var breakdown = string.Join(", ", dashboard.Responses.Select(r => $"{UrlPath(r.Url)} {DashboardPage.Kilobytes(r.Bytes)}"));
        var line = $"{dashboard.Timing}, a fresh browser context, loopback; " +
            $"page weight {dashboard.Weight} bytes = {DashboardPage.Kilobytes(dashboard.Weight)} in {dashboard.Responses.Count} responses ({breakdown}); chromium {fixture.Chromium.Browser.Version}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Directory.CreateDirectory(OutputFolder);
        await File.WriteAllTextAsync(Path.Combine(OutputFolder, "dashboard-measured.txt"), line + "\n", TestContext.Current.CancellationToken);
        dashboard.Weight.ShouldBeLessThan(MaxPageWeight, breakdown);
        await dashboard.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Tree_ShowsEverySubaccountAndProcessOfTheExampleFleet_ScreenshotSaved()
    {
        var dashboard = await DashboardPage.OpenAsync(fixture.Chromium, Demo.Dashboard);
        var tree = dashboard.Page.Locator("[data-testid=tree]");
        var expected = new[] { $"master:{ExampleFleet.Master}" }
            .Concat(ExampleFleet.Subaccounts.Select(s => $"subaccount:{s}"))
            .Concat(ExampleFleet.Strategies.Select(s => $"strategy:{s}"))
            .Concat(ExampleFleet.Processes.Select(p => $"process:{p}"))
            .ToList();
        ExampleFleet.Subaccounts.Count.ShouldBe(3);
        ExampleFleet.Processes.Count.ShouldBe(13);

        await Polling.UntilAsync(async () => await Missing(tree, expected) is { Count: 0 }, TimeSpan.FromSeconds(60), "every node of the example fleet in the tree");
        (await Missing(tree, expected)).ShouldBeEmpty();
        foreach (var node in expected)
        {
            (await dashboard.HealthAsync(node)).ShouldBeOneOf("ok", "warn", "down", "halted", "idle");
        }

        foreach (var process in DemoDashboard.LongRunning)
        {
            await dashboard.WaitForHealthAsync($"process:{process}", Settle, "ok");
        }

        (await dashboard.HealthAsync("process:reconciler")).ShouldBe("idle", "on-demand roles are idle");

        // The traders stream (the default transport): each process node shows its socket — Spot v2 or Unified, connected.
        foreach (var (process, venue) in new[] { ("mm-trader", "spot-ws"), ("hedge-trader", "unified-ws") })
        {
            var socket = tree.Locator($"[data-node=\"process:{process}\"] .socket").First;
            await Polling.UntilAsync(async () => await socket.CountAsync() > 0 && (await socket.InnerTextAsync()).Contains("connected", StringComparison.Ordinal), Settle, $"{process}'s socket shown connected");
            (await socket.InnerTextAsync()).ShouldStartWith(venue);
        }
        // The tree card scrolls inside a viewport-high column: a viewport as tall as the tree shows all of it in the picture.
        var treeHeight = await dashboard.Page.EvaluateAsync<int>("() => document.querySelector('[data-testid=tree]').closest('.tree-card').scrollHeight");
        await dashboard.Page.SetViewportSizeAsync(1400, Math.Max(1000, treeHeight + 120));
        var screenshot = Path.Combine(OutputFolder, "dashboard.png");
        await dashboard.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        File.Exists(screenshot).ShouldBeTrue();
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {screenshot}");
        Console.WriteLine($"dashboard screenshot: {screenshot}");
        await dashboard.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task StrategyWorkerSigkilled_TurnsRed_ThenGreenAfterTheSupervisorRestartsIt_WithoutAReload()
    {
        const string victim = "mm-trader";
        var node = $"process:{victim}";
        var account = $"subaccount:{ExampleFleet.Subaccounts[0]}";
        var dashboard = await DashboardPage.OpenAsync(fixture.Chromium, Demo.Dashboard);
        await dashboard.WaitForHealthAsync(node, Settle, "ok");
        var before = (await Demo.StatusAsync())[victim];
        var pid = before["pid"]!.GetValue<int>();
        var restarts = before["restarts"]!.GetValue<int>();
        await dashboard.RecordHealthAsync(node, account);

        using (var worker = Process.GetProcessById(pid))
        {
            worker.Kill(); // SIGKILL
        }

        // The recorder samples the page every 50 ms, so a short backoff (1 s after a first crash) is not missed between polls.
        await Polling.UntilAsync(async () => (await dashboard.RecordedHealthAsync()).Contains($"{node}=down"), TimeSpan.FromSeconds(60), $"{node} to show down");
        await Polling.UntilAsync(async () => (await Demo.StatusAsync())[victim] is var now && now["restarts"]!.GetValue<int>() > restarts && now["state"]!.GetValue<string>() == "running",
            Settle, $"the supervisor to restart {victim}");
        await dashboard.WaitForHealthAsync(node, Settle, "ok");
        await dashboard.WaitForHealthAsync(account, Settle, "ok", "idle");

        var seen = await dashboard.RecordedHealthAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"{victim} pid {pid} SIGKILLed; the page showed: {string.Join(" → ", seen)}");
        seen.ShouldContain($"{node}=down", "the killed worker shows red while nothing of it runs");
        seen.ShouldContain($"{account}=down", "the subaccount takes the worst health of its processes");
        seen.Last(s => s.StartsWith(node + "=", StringComparison.Ordinal)).ShouldBe($"{node}=ok");
        (await dashboard.NotReloadedAsync()).ShouldBeTrue("the page updated in place");
        (await Demo.StatusAsync())[victim]["pid"]!.GetValue<int>().ShouldNotBe(pid);
        await dashboard.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task FeePanel_ShowsTheConsolidatedVolumeOfApiFees()
    {
        var dashboard = await DashboardPage.OpenAsync(fixture.Chromium, Demo.Dashboard);
        var panel = dashboard.Page.Locator("[data-testid=fee-panel]");
        (await panel.CountAsync()).ShouldBe(1);
        var volume = panel.Locator("[data-testid=consolidated-volume]");
        string? shown = null;
        string? api = null;
        // The monitor's snapshot moves as the fleet trades: the page and /api/fees agree once both show the same one.
        await Polling.UntilAsync(
            async () =>
            {
                var first = await FeesVolumeAsync();
                shown = await volume.CountAsync() == 0 ? null : await volume.First.GetAttributeAsync("data-value");
                api = await FeesVolumeAsync();
                return shown is not null && Positive(shown) && (Same(shown, first) || Same(shown, api));
            },
            Settle,
            "the fee panel's consolidated volume to equal /api/fees volume30dUsd, once the fleet has traded");
        var text = await volume.First.InnerTextAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"fee panel: consolidated 30-day volume {text} (data-value {shown}; /api/fees volume30dUsd {api})");
        text.ShouldNotBeNullOrWhiteSpace();
        await dashboard.Page.Context.CloseAsync();
    }

    /// <summary>The test output folder: TestResults beside the test assembly.</summary>
    internal static string OutputFolder => Path.Combine(AppContext.BaseDirectory, "TestResults");

    private async Task<long> FleetDocumentBytesAsync()
    {
        var start = TimeProvider.System.GetTimestamp();
        var bytes = (await Demo.Http.GetByteArrayAsync(Demo.Api("api/fleet"), TestContext.Current.CancellationToken)).LongLength;
        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant($"GET /api/fleet: {bytes} bytes in {TimeProvider.System.GetElapsedTime(start).TotalMilliseconds:0} ms"));
        return bytes;
    }

    private static string UrlPath(string url) => url.StartsWith("http", StringComparison.Ordinal) && url.IndexOf('/', 8) is var slash and > 0 ? url[slash..] : url;

    private async Task<string> FeesVolumeAsync()
    {
        var fees = await Demo.Http.GetFromJsonAsync<JsonNode>(Demo.Api("api/fees"), TestContext.Current.CancellationToken);
        return fees?["volume30dUsd"]?.ToString() ?? "";
    }

    private static bool Positive(string a) => decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x) && x > 0;

    private static bool Same(string a, string b) =>
        decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y) && x == y;

    private static async Task<List<string>> Missing(ILocator tree, IEnumerable<string> nodes)
    {
        var missing = new List<string>();
        foreach (var node in nodes)
        {
            if (await tree.Locator($"[data-node='{node}']").CountAsync() == 0)
            {
                missing.Add(node);
            }
        }

        return missing;
    }
}
