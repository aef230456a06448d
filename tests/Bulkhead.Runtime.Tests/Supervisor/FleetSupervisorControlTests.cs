using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Supervisor;
using Bulkhead.Runtime.Worker;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Supervisor;

/// <summary>Operators acting on a running fleet: halt, resume, restart, the kill switch and one-shot processes (fake workers, fake clock).</summary>
public sealed class FleetSupervisorControlTests
{
    private static readonly FleetManifest Manifest = ManifestLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples", "fleet.toml")).GetValueOrThrow();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 19, 0, 0, TimeSpan.Zero));
    private readonly FakeLauncher _launcher = new();

    [Fact]
    public async Task Halt_RunningTrader_StopsItGracefully_AndNeverRestartsIt()
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        var child = await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 1);
        child.Running();

        await supervisor.HaltAsync("mm-trader", "operator: halted by ann").WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        child.Terminations.ShouldBe(1);
        child.ToldKillSwitch.ShouldBeFalse();
        var status = supervisor.Snapshot().Of("mm-trader");
        status.State.ShouldBe(ProcessState.Halted);
        status.HaltReason.ShouldBe("operator: halted by ann");
        _time.Advance(TimeSpan.FromMinutes(5));
        _launcher.Of("mm-trader").Count.ShouldBe(1, "a halted process is never restarted by the supervisor");
        supervisor.Completion.IsCompleted.ShouldBeFalse("a fleet an operator halted waits for the operator");
        supervisor.Counters().Single().Halts.ShouldBe(new Dictionary<string, int> { ["operator"] = 1 });
    }

    [Fact]
    public async Task Resume_HaltedTrader_StartsANewWorker()
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        (await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 1)).Running();
        await supervisor.HaltAsync("mm-trader", "operator: halted by ann");

        supervisor.Resume("mm-trader").ShouldBeTrue();

        var second = await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 2);
        second.Running();
        await SupervisorWaits.UntilAsync(supervisor, s => s.Of("mm-trader").State == ProcessState.Running);
        supervisor.Snapshot().Of("mm-trader").HaltReason.ShouldBeNull();
    }

    [Fact]
    public async Task Resume_AfterARiskHalt_StartsItAgain()
    {
        await using var supervisor = Create(only: "momo-trader");
        supervisor.Start();
        var child = await SupervisorWaits.ChildAsync(supervisor, _launcher, "momo-trader", 1);
        child.Running();
        child.Say("""{"time":"2026-11-26T19:00:02.000+00:00","process":"momo-trader","event":"halted","reason":"risk: drawdown 1600 USD exceeds max_drawdown_usd 1500"}""");
        child.Exit(WorkerExitCodes.HaltedRisk);
        await SupervisorWaits.UntilAsync(supervisor, s => s.Of("momo-trader").State == ProcessState.Halted);
        supervisor.Counters().Single().Halts.ShouldBe(new Dictionary<string, int> { ["risk"] = 1 });

        supervisor.Resume("momo-trader").ShouldBeTrue();

        (await SupervisorWaits.ChildAsync(supervisor, _launcher, "momo-trader", 2)).ShouldNotBeSameAs(child);
    }

    [Fact]
    public async Task StrategyHalt_IsNeverRestarted_ItsReasonShown_CountedAsAStrategyHalt()
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        var child = await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 1);
        child.Running();
        child.Say("""{"time":"2026-11-26T19:00:02.000+00:00","process":"mm-trader","event":"halted","reason":"strategy 'mm' threw 5 times in a row in OnMarketAsync: System.InvalidOperationException: no price"}""");
        child.Exit(WorkerExitCodes.HaltedStrategy);
        await SupervisorWaits.UntilAsync(supervisor, s => s.Of("mm-trader").State == ProcessState.Halted);

        supervisor.Snapshot().Of("mm-trader").HaltReason.ShouldBe("strategy 'mm' threw 5 times in a row in OnMarketAsync: System.InvalidOperationException: no price");
        supervisor.Counters().Single().Halts.ShouldBe(new Dictionary<string, int> { ["strategy"] = 1 });
        _time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, TestContext.Current.CancellationToken);
        _launcher.Of("mm-trader").Count.ShouldBe(1, "a failed strategy is not restarted into the same failure");
    }

    [Fact]
    public async Task Restart_RunningWorker_StopsItAndStartsAnotherAtOnce_WithoutBackoff()
    {
        await using var supervisor = Create(only: "hedge-trader");
        supervisor.Start();
        var first = await SupervisorWaits.ChildAsync(supervisor, _launcher, "hedge-trader", 1);
        first.Running();

        supervisor.Restart("hedge-trader").ShouldBeTrue();

        var second = await SupervisorWaits.ChildAsync(supervisor, _launcher, "hedge-trader", 2);
        first.Terminations.ShouldBe(1);
        second.Running();
        var status = (await SupervisorWaits.UntilAsync(supervisor, s => s.Of("hedge-trader").State == ProcessState.Running)).Of("hedge-trader");
        status.Restarts.ShouldBe(0, "an operator's restart is not a crash");
    }

    [Fact]
    public async Task Restart_DuringBackoff_StartsNow()
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        (await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 1)).Exit(WorkerExitCodes.Crashed);
        await SupervisorWaits.UntilAsync(supervisor, s => s.Of("mm-trader").State == ProcessState.Backoff);

        supervisor.Restart("mm-trader").ShouldBeTrue();

        await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 2);
    }

    [Fact]
    public async Task KillSwitch_StopsEveryTraderTellingItFirst_KeepsTheMonitor_AndRefusesStartsUntilRearmed()
    {
        await using var supervisor = Create();
        supervisor.Start();
        await SupervisorWaits.UntilAsync(supervisor, _ => _launcher.Started.Count == 4, "four workers");
        foreach (var child in _launcher.Started)
        {
            child.Running();
        }

        var pulled = await supervisor.PullKillSwitchAsync("ann (dashboard 127.0.0.1)", _time.GetUtcNow()).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        pulled.By.ShouldBe("ann (dashboard 127.0.0.1)");
        supervisor.KillSwitch.ShouldBe(pulled);
        foreach (var trader in (string[])["mm-trader", "momo-trader", "hedge-trader"])
        {
            _launcher.Of(trader)[0].ToldKillSwitch.ShouldBeTrue(trader);
            var status = supervisor.Snapshot().Of(trader);
            status.State.ShouldBe(ProcessState.Halted);
            status.HaltReason!.ShouldStartWith("kill switch: pulled by ann (dashboard 127.0.0.1) at 2026-11-26 19:00:00 UTC");
        }

        _launcher.Of("dashboard")[0].HasExited.ShouldBeFalse("the read-only monitor keeps running");
        supervisor.Resume("mm-trader").ShouldBeFalse();
        supervisor.Restart("mm-trader").ShouldBeFalse();
        _time.Advance(TimeSpan.FromMinutes(5));
        _launcher.Of("mm-trader").Count.ShouldBe(1);

        supervisor.Rearm().ShouldBeTrue();
        supervisor.KillSwitch.ShouldBeNull();
        supervisor.Snapshot().Of("mm-trader").State.ShouldBe(ProcessState.Halted, "re-arming lets processes start; each waits for its resume");
        supervisor.Resume("mm-trader").ShouldBeTrue();
        await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 2);
        supervisor.Counters().Single(c => c.Process == "momo-trader").Halts.ShouldBe(new Dictionary<string, int> { ["kill-switch"] = 1 });
    }

    [Fact]
    public async Task KillSwitch_AWorkerThatIgnoresSigterm_IsKilledAfterTheStopTimeout()
    {
        _launcher.ObeysTerminate = false;
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        var child = await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 1);
        child.Running();

        var pulling = supervisor.PullKillSwitchAsync("ann", _time.GetUtcNow());
        await SupervisorWaits.UntilAsync(supervisor, s => s.Of("mm-trader").State == ProcessState.Stopping);
        pulling.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(15));
        await pulling.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        child.Killed.ShouldBeTrue();
        supervisor.Snapshot().Of("mm-trader").State.ShouldBe(ProcessState.Halted);
    }

    [Fact]
    public async Task KillSwitch_RestoredBeforeStart_NoTraderStarts_TheMonitorDoes()
    {
        await using var supervisor = Create();
        supervisor.RestoreKillSwitch(new KillSwitchState(_time.GetUtcNow().AddHours(-1), "bob"));

        supervisor.Start();

        await SupervisorWaits.ChildAsync(supervisor, _launcher, "dashboard", 1);
        _launcher.Started.Select(c => c.Start.Process.Name).ShouldBe(["dashboard"]);
        supervisor.Snapshot().Of("hedge-trader").State.ShouldBe(ProcessState.Halted);
        supervisor.Resume("hedge-trader").ShouldBeFalse();
    }

    [Fact]
    public async Task Completion_EveryProcessHaltedByItself_EndsTheFleet_ButNotWhileAnOperatorHoldsOne()
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        (await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 1)).Exit(WorkerExitCodes.HaltedAuth);

        await supervisor.Completion.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        supervisor.Counters().Single().GuardTrips.ShouldBe(1);
    }

    [Fact]
    public async Task Heartbeats_CallsAndErrorsAccumulateAcrossRestarts_GuardTripCountedOncePerWorker()
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        var first = await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 1);
        first.Running();
        first.Say(Beat(10, """{"EOrder:Unknown order":1}""", "ok"));
        first.Say(Beat(12, """{"EOrder:Unknown order":2}""", "ok"));
        first.Exit(WorkerExitCodes.Crashed);
        await SupervisorWaits.UntilAsync(supervisor, s => s.Of("mm-trader").State == ProcessState.Backoff);
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-trader", 2);
        second.Running();
        second.Say(Beat(3, """{"EAPI:Invalid nonce":1}""", "halted"));
        second.Say(Beat(4, """{"EAPI:Invalid nonce":2}""", "halted"));
        second.Exit(WorkerExitCodes.HaltedAuth);
        await SupervisorWaits.UntilAsync(supervisor, s => s.Of("mm-trader").State == ProcessState.Halted);

        var counters = supervisor.Counters().Single();
        counters.Calls.ShouldBe(16);
        counters.Errors.ShouldBe(new Dictionary<string, long> { ["EAPI:Invalid nonce"] = 2, ["EOrder:Unknown order"] = 2 });
        counters.GuardTrips.ShouldBe(1, "the heartbeat said halted, then the worker exited 4: one trip");
        counters.Halts.ShouldBe(new Dictionary<string, int> { ["auth"] = 1 });
        counters.ConsecutiveCrashes.ShouldBe(1);
    }

    [Fact]
    public async Task RunOnce_RunsTheFlattenerThroughTheLauncher_AndReturnsItsExit()
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        var lines = new List<string>();
        var running = supervisor.RunOnceAsync(Manifest.FindProcess("mm-flattener")!, lines.Add, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var flattener = await SupervisorWaits.ChildAsync(supervisor, _launcher, "mm-flattener", 1);
        flattener.Say("""{"event":"order","symbol":"XBTUSD","state":"filled"}""");
        flattener.Exit(0);

        (await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).ExitCode.ShouldBe(0);
        lines.ShouldHaveSingleItem().ShouldContain("\"order\"");
        supervisor.Snapshot().Select(p => p.Process).ShouldBe(["mm-trader"], "a one-shot process is not supervised");
    }

    private static string Beat(long calls, string errors, string guard) =>
        $$"""{"time":"2026-11-26T19:00:02.000+00:00","process":"mm-trader","event":"heartbeat","orders":1,"guard":"{{guard}}","calls":{{calls}},"errors":{{errors}},"drawdownUsd":"1.5"}""";

    private FleetSupervisor Create(string? only = null) => new(Manifest, new FleetSupervisorOptions { Time = _time, Launcher = _launcher, Only = only });
}
