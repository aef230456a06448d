using Xunit;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>
/// One <c>bulkhead demo</c> and one headless Chromium shared by the tests of a class (a demo runs a sandbox and four
/// worker processes: starting one per test would crowd two busy cores). Stopped gracefully (SIGTERM) at the end.
/// </summary>
public sealed class DemoDashboard : IAsyncLifetime
{
    private DemoProcess? _demo;
    private SystemChromium? _chromium;

    internal DemoProcess Demo => _demo ?? throw new InvalidOperationException("the demo has not started");

    internal SystemChromium Chromium => _chromium ?? throw new InvalidOperationException("chromium has not started");

    /// <summary>The long-running processes of examples/fleet.toml that the supervisor runs.</summary>
    internal static IReadOnlyList<string> LongRunning { get; } = ["mm-trader", "momo-trader", "hedge-trader", "dashboard"];

    public async ValueTask InitializeAsync()
    {
        _demo = await DemoProcess.StartAsync(TimeSpan.FromMinutes(3));
        _chromium = await SystemChromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_demo is not null)
        {
            var code = await _demo.StopAsync(TimeSpan.FromMinutes(3));
            TestContext.Current.SendDiagnosticMessage($"bulkhead demo stopped by SIGTERM: exit {code}");
            await _demo.DisposeAsync();
        }
    }
}
