using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bulkhead.Cli.Tests.Fleet;
using Bulkhead.EndToEnd.Tests.Fleet;
using Microsoft.Playwright;
using Xunit;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>
/// A fleet an operator acts on, shared by the tests of a class: the sandbox in the test process (<see cref="LiveFleet"/>:
/// the test reads orders and positions from the exchange itself), <c>bulkhead run --port 0</c> with a read-only dashboard
/// token and an operator token, and one headless Chromium.
/// </summary>
public sealed class OperatorFleet : IAsyncLifetime
{
    public const string ViewerToken = "viewer-token-0123456789abcdef";
    public const string OperatorToken = "operator-token-0123456789abcdef";

    private LiveFleet? _fleet;
    private CliChild? _run;
    private SystemChromium? _chromium;

    internal LiveFleet Fleet => _fleet ?? throw new InvalidOperationException("not started");

    internal SystemChromium Chromium => _chromium ?? throw new InvalidOperationException("not started");

    /// <summary>What <c>bulkhead run</c> printed so far (stdout and stderr).</summary>
    public string RunOutput => (_run?.Out ?? string.Empty) + (_run?.Error ?? string.Empty);

    /// <summary>The dashboard, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Dashboard { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask InitializeAsync()
    {
        _fleet = await LiveFleet.StartAsync();
        _run = CliChild.Start(_fleet.Environment, "run", _fleet.Manifest, "--port", "0", "--dashboard-token", ViewerToken, "--operator-token", OperatorToken);
        Uri? url = null;
        await Polling.UntilAsync(() => (url = DemoProcess.FindDashboard(_run.Out)) is not null || _run.HasExited, TimeSpan.FromSeconds(90), "bulkhead run to serve its dashboard");
        Dashboard = url ?? throw new InvalidOperationException($"bulkhead run exited ({_run.ExitCode}): {_run.Error}");
        _chromium = await SystemChromium.LaunchAsync();
        await Polling.UntilAsync(async () => (await StatusAsync()).Values.All(s => (string)s["state"]! == "running"), TimeSpan.FromMinutes(3), "every process of the fleet to run");
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_run is not null)
        {
            if (!_run.HasExited)
            {
                _run.Terminate();
                await _run.WaitForExitAsync(TimeSpan.FromMinutes(2));
            }

            _run.Dispose();
        }

        Http.Dispose();
        if (_fleet is not null)
        {
            await _fleet.DisposeAsync();
        }
    }

    /// <summary>The page opened with <paramref name="token"/> (<c>?token=</c>: the server sets its cookie and drops it from the address).</summary>
    internal async Task<IPage> OpenAsync(string token)
    {
        var page = await Chromium.NewPageAsync();
        await page.GotoAsync(new Uri(Dashboard, $"?token={token}").ToString());
        await page.WaitForSelectorAsync("body[data-rendered='1'][data-role]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        return page;
    }

    /// <summary>Clicks <paramref name="action"/> on <paramref name="target"/>, confirms as <paramref name="name"/>; returns the journal row's id once it is done.</summary>
    internal static async Task<string> ActAsync(IPage page, string action, string target, string name, string? button = null)
    {
        var before = await page.Locator("[data-testid=actions] tr[data-action-id]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.actionId)");
        await page.Locator(button ?? $"button[data-action='{action}'][data-target='{target}']").First.ClickAsync();
        var dialog = page.Locator("[data-testid=confirm]");
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await page.Locator("[data-testid=operator-name]").FillAsync(name);
        await page.Locator("[data-testid=confirm-ok]").ClickAsync();
        string? id = null;
        await Polling.UntilAsync(
            async () =>
            {
                var rows = await page.Locator("[data-testid=actions] tr[data-action-id]").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.actionId, r.dataset.state, r.textContent])");
                var row = rows.FirstOrDefault(r => !before.Contains(r[0]) && r[2].Contains($"{action} {target}", StringComparison.Ordinal));
                id = row?[0];
                return row is not null && row[1] != "running";
            },
            TimeSpan.FromMinutes(2),
            $"the page to show {action} {target} finished");
        return id!;
    }

    /// <summary>The supervisor's processes (<c>/api/status</c>, with the operator token).</summary>
    internal async Task<Dictionary<string, JsonNode>> StatusAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Dashboard, "api/status"));
        request.Headers.Authorization = new("Bearer", ViewerToken);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var node = await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken);
        return node!["processes"]!.AsArray().ToDictionary(p => (string)p!["process"]!, p => p!);
    }

    /// <summary>One entry of the operator journal (<c>/api/actions/ID</c>).</summary>
    internal async Task<JsonNode> ActionAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Dashboard, $"api/actions/{id}"));
        request.Headers.Authorization = new("Bearer", ViewerToken);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
    }
}
