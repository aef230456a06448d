using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Metrics;
using Bulkhead.Runtime.Supervisor;
using Bulkhead.Runtime.Tests.Supervisor;
using Bulkhead.Runtime.Worker;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Metrics;

/// <summary>The fleet's instruments over a real supervisor (fake workers saying Contract W lines) and given figures.</summary>
public sealed class FleetMetricsTests
{
    private static readonly FleetManifest Manifest = ManifestLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples", "fleet.toml")).GetValueOrThrow();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 19, 0, 0, TimeSpan.Zero));
    private readonly FakeLauncher _launcher = new();

    [Fact]
    public async Task Collect_ProcessStatesCallsErrorsDrawdownAndKillSwitch_FromTheSupervisor()
    {
        await using var supervisor = new FleetSupervisor(Manifest, new FleetSupervisorOptions { Time = _time, Launcher = _launcher });
        using var metrics = new FleetMetrics(supervisor, _time);
        supervisor.Start();
        var mm = await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 1);
        mm.Running();
        mm.Say("""{"time":"2026-11-26T19:00:02.000+00:00","process":"mm-trader","event":"heartbeat","guard":"ok","pnlUsd":"-3","drawdownUsd":"500","calls":7,"errors":{"EAPI:Invalid nonce":2,"EOrder:Unknown order":1}}""");
        var momo = await SupervisorWaits.ChildAsync(supervisor, _launcher, "momo-trader", 1);
        momo.Exit(WorkerExitCodes.HaltedAuth);
        await SupervisorWaits.UntilAsync(supervisor, s => s.Of("momo-trader").State == ProcessState.Halted);
        _time.Advance(TimeSpan.FromSeconds(3));

        var snapshot = await metrics.CollectAsync(TestContext.Current.CancellationToken);

        Value(snapshot, "bulkhead_process_state", ("process", "mm-trader"), ("state", "running")).ShouldBe(1m);
        Value(snapshot, "bulkhead_process_state", ("process", "mm-trader"), ("state", "halted")).ShouldBe(0m);
        Value(snapshot, "bulkhead_process_state", ("process", "momo-trader"), ("state", "halted")).ShouldBe(1m);
        Value(snapshot, "bulkhead_kraken_calls_total", ("process", "mm-trader")).ShouldBe(7m);
        Value(snapshot, "bulkhead_kraken_errors_total", ("process", "mm-trader"), ("error.type", "EAPI:Invalid nonce")).ShouldBe(2m);
        Value(snapshot, "bulkhead_kraken_nonce_errors_total", ("process", "mm-trader"), ("key", "mm-trader")).ShouldBe(2m);
        Value(snapshot, "bulkhead_process_heartbeat_age_seconds", ("process", "mm-trader")).ShouldBe(3m);
        Value(snapshot, "bulkhead_guard_halted", ("process", "momo-trader")).ShouldBe(1m, "an authentication halt is a halted key");
        Value(snapshot, "bulkhead_guard_halted", ("process", "mm-trader")).ShouldBe(0m);
        Value(snapshot, "bulkhead_guard_trips_total", ("process", "momo-trader")).ShouldBe(1m);
        Value(snapshot, "bulkhead_process_halts_total", ("process", "momo-trader"), ("reason", "auth")).ShouldBe(1m);
        Value(snapshot, "bulkhead_strategy_drawdown_usd", ("strategy", "mm")).ShouldBe(500m);
        Value(snapshot, "bulkhead_strategy_drawdown_limit_usd", ("strategy", "mm")).ShouldBe(2000m);
        Value(snapshot, "bulkhead_strategy_drawdown_utilization_ratio", ("strategy", "mm")).ShouldBe(0.25m);
        Value(snapshot, "bulkhead_kill_switch_pulled").ShouldBe(0m);

        await supervisor.PullKillSwitchAsync("ann", _time.GetUtcNow());
        Value(await metrics.CollectAsync(TestContext.Current.CancellationToken), "bulkhead_kill_switch_pulled").ShouldBe(1m);
    }

    [Fact]
    public async Task Collect_SocketStateReconnectsResyncsAndLastMessage_FromAStreamingWorkersHeartbeat()
    {
        await using var supervisor = new FleetSupervisor(Manifest, new FleetSupervisorOptions { Time = _time, Launcher = _launcher, Only = "hedge-trader" });
        using var metrics = new FleetMetrics(supervisor, _time);
        supervisor.Start();
        var hedge = await SupervisorWaits.ChildAsync(supervisor, _launcher, "hedge-trader", 1);
        hedge.Running();
        hedge.Say("""{"time":"2026-11-26T19:00:02.000+00:00","process":"hedge-trader","event":"heartbeat","guard":"ok","socket":"connected","socketVenue":"unified-ws","socketSubscriptions":"executions ticker:PF_XBTUSD","socketLastMessageMs":250,"socketReconnects":3,"socketBookResyncs":1}""");
        await SupervisorWaits.UntilAsync(supervisor, s => s.Of("hedge-trader").Heartbeat?.Socket is not null);

        var snapshot = await metrics.CollectAsync(TestContext.Current.CancellationToken);

        supervisor.Snapshot().Of("hedge-trader").Heartbeat!.Socket!.Subscriptions.ShouldBe(["executions", "ticker:PF_XBTUSD"]);
        Value(snapshot, "bulkhead_socket_state", ("process", "hedge-trader"), ("venue", "unified-ws"), ("state", "connected")).ShouldBe(1m);
        Value(snapshot, "bulkhead_socket_state", ("process", "hedge-trader"), ("state", "reconnecting")).ShouldBe(0m);
        Value(snapshot, "bulkhead_socket_reconnects_total", ("process", "hedge-trader")).ShouldBe(3m);
        Value(snapshot, "bulkhead_socket_book_resyncs_total", ("process", "hedge-trader")).ShouldBe(1m);
        Value(snapshot, "bulkhead_socket_last_message_age_seconds", ("process", "hedge-trader")).ShouldBe(0.25m);
    }

    [Fact]
    public async Task Collect_FleetFigures_EachOnItsInstrument()
    {
        await using var supervisor = new FleetSupervisor(Manifest, new FleetSupervisorOptions { Time = _time, Launcher = _launcher });
        var figures = new GivenFigures(new FleetFigures(
            _time.GetUtcNow(),
            true,
            [new StrategyFigures("mm", "mm", 10m, -2.5m, 1.25m, 6.25m, 1800m, 4, new Dictionary<string, decimal> { ["XBTUSD"] = 0.02m })],
            new Dictionary<string, decimal> { ["XBTUSD"] = 90_000.5m },
            [new AccountFigures("hedge", 30_000m, 66.8161m, 1m, 0.83m), new AccountFigures("desk", null, null, null, null)],
            [new LeaseFigures("mm-trader", true, 3, 1.5), new LeaseFigures("dashboard", false, 0, null)],
            61_234.5m,
            null)
        {
            Keys = [new KeyRateFigures("mm-trader", "mm", 0.95m), new KeyRateFigures("mm-flattener", "mm", 1m)],
        });
        using var metrics = new FleetMetrics(supervisor, _time, figures);

        var snapshot = await metrics.CollectAsync(TestContext.Current.CancellationToken);

        metrics.Figures.ShouldBe(figures.Figures);
        Value(snapshot, "bulkhead_strategy_fills_total", ("strategy", "mm")).ShouldBe(4m);
        Value(snapshot, "bulkhead_strategy_fees_usd_total", ("strategy", "mm")).ShouldBe(1.25m);
        Value(snapshot, "bulkhead_strategy_pnl_usd", ("strategy", "mm")).ShouldBe(6.25m);
        Value(snapshot, "bulkhead_strategy_pnl_realised_usd", ("strategy", "mm")).ShouldBe(10m);
        Value(snapshot, "bulkhead_strategy_pnl_unrealised_usd", ("strategy", "mm")).ShouldBe(-2.5m);
        Value(snapshot, "bulkhead_strategy_volume_usd_total", ("strategy", "mm")).ShouldBe(1800m);
        Value(snapshot, "bulkhead_strategy_position", ("strategy", "mm"), ("symbol", "XBTUSD")).ShouldBe(0.02m);
        Value(snapshot, "bulkhead_market_mark_usd", ("symbol", "XBTUSD")).ShouldBe(90_000.5m);
        Value(snapshot, "bulkhead_account_equity_usd", ("account", "hedge")).ShouldBe(30_000m);
        Value(snapshot, "bulkhead_account_margin_level_ratio", ("account", "hedge")).ShouldBe(66.8161m);
        Value(snapshot, "bulkhead_rate_headroom_ratio", ("account", "hedge"), ("budget", "trading")).ShouldBe(0.83m);
        Value(snapshot, "bulkhead_rate_key_headroom_ratio", ("key", "mm-trader"), ("account", "mm"), ("budget", "spot-rest")).ShouldBe(0.95m);
        Value(snapshot, "bulkhead_rate_key_headroom_ratio", ("key", "mm-flattener")).ShouldBe(1m);
        Value(snapshot, "bulkhead_lease_held", ("key", "mm-trader")).ShouldBe(1m);
        Value(snapshot, "bulkhead_lease_held", ("key", "dashboard")).ShouldBe(0m);
        Value(snapshot, "bulkhead_lease_fencing_token", ("key", "mm-trader")).ShouldBe(3m);
        Value(snapshot, "bulkhead_lease_renewal_age_seconds", ("key", "mm-trader")).ShouldBe(1.5m);
        Value(snapshot, "bulkhead_fees_volume_30d_usd").ShouldBe(61_234.5m);
        snapshot.Find("bulkhead_fees_volume_to_next_tier_usd")!.Samples.ShouldBeEmpty("unknown stays absent, never 0");
        snapshot.Find("bulkhead_account_equity_usd")!.Samples.ShouldHaveSingleItem();
        Value(snapshot, "bulkhead_exchange_reachable").ShouldBe(1m);
    }

    private static decimal Value(MetricsSnapshot snapshot, string name, params (string Label, string Value)[] labels)
    {
        var family = snapshot.Find(name) ?? throw new InvalidOperationException($"no metric {name}");
        var sample = family.Samples.Where(s => labels.All(l => s.Label(l.Label) == l.Value)).ToList();
        sample.Count.ShouldBe(1, $"{name} {string.Join(",", labels)}: {string.Join("; ", family.Samples.Select(s => string.Join(",", s.Labels) + "=" + s.Value))}");
        return sample[0].Value;
    }

    /// <summary>The figures a dashboard view would compose, given as they are.</summary>
    private sealed class GivenFigures(FleetFigures figures) : IFleetFigures
    {
        public FleetFigures Figures { get; } = figures;

        public Task<FleetFigures> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Figures);
    }
}
