using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Supervisor;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Supervisor;

public sealed class FleetSupervisorTests
{
    private static readonly FleetManifest Manifest = ManifestLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples", "fleet.toml")).GetValueOrThrow();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 19, 0, 0, TimeSpan.Zero));
    private readonly FakeLauncher _launcher = new();

    [Fact]
    public async Task Start_RunsEveryTraderAndTheDashboard_NotFlattenersReconcilersOrTreasury()
    {
        await using var supervisor = Create();
        supervisor.Start();
        await WaitAsync(supervisor, s => s.All(p => p.Pid is not null));

        supervisor.Snapshot().Select(p => p.Process).ShouldBe(["mm-trader", "momo-trader", "hedge-trader", "dashboard"]);
        _launcher.Started.Select(c => c.Start.Environment).Distinct().ShouldBe(["sandbox"]);
        _launcher.Started.ShouldAllBe(c => Path.IsPathFullyQualified(c.Start.ManifestPath));
    }

    [Fact]
    public async Task Only_RunsThatProcessAlone()
    {
        await using var supervisor = Create(only: "momo-trader");
        supervisor.Start();
        await WaitAsync(supervisor, s => s[0].Pid is not null);

        supervisor.Snapshot().Select(p => p.Process).ShouldBe(["momo-trader"]);
        _launcher.Started.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("nobody", "--only nobody: the manifest has no such process; long-running ones: mm-trader, momo-trader, hedge-trader, dashboard")]
    [InlineData("treasury", "--only treasury: process 'treasury' has role treasury, which the supervisor does not run (only trader and dashboard)")]
    public void Only_NotALongRunningProcess_IsRefusedWithTheFix(string only, string message)
    {
        var e = Should.Throw<ArgumentException>(() => Create(only: only));
        e.Message.ShouldStartWith(message);
    }

    [Fact]
    public async Task RunningAndHeartbeatLines_AreParsedIntoTheStatus()
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        var child = await ChildAsync(supervisor, "mm-trader", 1);
        child.Running();
        _time.Advance(TimeSpan.FromSeconds(2));
        child.Say("""{"time":"2026-11-26T19:00:02.000+00:00","process":"mm-trader","event":"heartbeat","orders":12,"fills":3,"openOrders":2,"lastNonceAt":"2026-11-26T19:00:01.500+00:00","guard":"ok","pnlUsd":"-1.25","equityUsd":"99998.75","position":"0.01"}""");
        child.Say("not json at all");

        var status = supervisor.Snapshot()[0];
        status.State.ShouldBe(ProcessState.Running);
        status.Pid.ShouldBe(child.Pid);
        status.LastHeartbeat.ShouldBe(_time.GetUtcNow());
        status.Heartbeat.ShouldBe(new WorkerHeartbeat(
            new DateTimeOffset(2026, 11, 26, 19, 0, 2, TimeSpan.Zero), 12, 3, 2, new DateTimeOffset(2026, 11, 26, 19, 0, 1, 500, TimeSpan.Zero), "ok", -1.25m, 99998.75m, 0.01m));
        status.Role.ShouldBe(FleetRole.Trader);
        status.Account.ShouldBe("mm");
        status.Key.ShouldBe("mm-trader");
        status.Strategy.ShouldBe("mm");
    }

    [Fact]
    public async Task Crashes_AreRestartedAfterABackoffDoublingFrom1sTo30s()
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        var seen = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var child = await ChildAsync(supervisor, "mm-trader", attempt);
            child.Exit(attempt % 2 == 0 ? 137 : 1);
            var status = await WaitAsync(supervisor, s => s[0].State == ProcessState.Backoff);
            status[0].Pid.ShouldBeNull();
            var delay = status[0].NextStart!.Value - _time.GetUtcNow();
            seen.Add(delay);
            _time.Advance(delay - TimeSpan.FromMilliseconds(1));
            _launcher.Started.Count.ShouldBe(attempt, "not restarted before its backoff ends");
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        seen.Select(d => d.TotalSeconds).ShouldBe([1d, 2, 4, 8, 16, 30, 30]);
        (await ChildAsync(supervisor, "mm-trader", 8)).ShouldNotBeNull();
        (await WaitAsync(supervisor, s => s[0].State == ProcessState.Starting))[0].Restarts.ShouldBe(7);
    }

    [Fact]
    public async Task Backoff_StartsOverAt1s_AfterTheWorkerStayedUp60s()
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await ChildAsync(supervisor, "mm-trader", attempt)).Exit(1);
            var delay = (await WaitAsync(supervisor, s => s[0].State == ProcessState.Backoff))[0].NextStart!.Value - _time.GetUtcNow();
            _time.Advance(delay);
        }

        var stable = await ChildAsync(supervisor, "mm-trader", 4);
        _time.Advance(TimeSpan.FromSeconds(60));
        stable.Exit(1);
        var status = (await WaitAsync(supervisor, s => s[0].State == ProcessState.Backoff))[0];
        (status.NextStart!.Value - _time.GetUtcNow()).ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData(3, "key held: the key mm-trader is held by pid 7 (exit code 3)")]
    [InlineData(1, "boom (exit code 1)")]
    [InlineData(139, "killed by signal 11")]
    public async Task RestartableExits_ShowTheirReasonDuringBackoff(int code, string reason)
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        var child = await ChildAsync(supervisor, "mm-trader", 1);
        if (code != 139)
        {
            child.Say(code == 3
                ? """{"event":"error","message":"the key mm-trader is held by pid 7","exitCode":3}"""
                : """{"event":"error","message":"boom","exitCode":1}""");
        }

        child.Exit(code);
        var status = (await WaitAsync(supervisor, s => s[0].State == ProcessState.Backoff))[0];
        status.HaltReason.ShouldBe(reason);
        status.LastExitCode.ShouldBe(code);
    }

    [Theory]
    [InlineData(4, """{"event":"halted","reason":"auth: the lockout guard tripped after 3 EAPI:Invalid key"}""", "auth: the lockout guard tripped after 3 EAPI:Invalid key")]
    [InlineData(5, """{"event":"halted","reason":"risk: position 0.6 over max_position 0.5"}""", "risk: position 0.6 over max_position 0.5")]
    [InlineData(2, """{"event":"error","message":"no secret for key mm-trader","exitCode":2}""", "configuration: no secret for key mm-trader")]
    [InlineData(4, null, "exit code 4")]
    public async Task HaltingExits_AreNeverRestarted(int code, string? line, string reason)
    {
        await using var supervisor = Create();
        supervisor.Start();
        var child = await ChildAsync(supervisor, "mm-trader", 1);
        child.Running();
        if (line is not null)
        {
            child.Say(line);
        }

        child.Exit(code);
        var status = (await WaitAsync(supervisor, s => s[0].State == ProcessState.Halted))[0];
        status.HaltReason.ShouldBe(reason);
        status.Pid.ShouldBeNull();
        _time.Advance(TimeSpan.FromHours(1));
        _launcher.Of("mm-trader").Count.ShouldBe(1);
        supervisor.Snapshot()[0].State.ShouldBe(ProcessState.Halted);
        supervisor.Snapshot().Skip(1).ShouldAllBe(p => p.State != ProcessState.Halted, "the other processes are untouched");
    }

    [Fact]
    public async Task Stop_SendsSigtermToEveryWorker_AndEndsStopped()
    {
        var supervisor = Create();
        supervisor.Start();
        await WaitAsync(supervisor, s => s.All(p => p.Pid is not null));

        await supervisor.StopAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        _launcher.Started.ShouldAllBe(c => c.Terminations == 1 && !c.Killed);
        supervisor.Snapshot().ShouldAllBe(p => p.State == ProcessState.Stopped && p.Pid == null && p.HaltReason == null);
        supervisor.Completion.IsCompleted.ShouldBeTrue();
        await supervisor.DisposeAsync();
    }

    [Fact]
    public async Task Stop_KillsAWorkerStillRunning15sAfterSigterm()
    {
        _launcher.ObeysTerminate = false;
        await using var supervisor = Create(only: "hedge-trader");
        supervisor.Start();
        var child = await ChildAsync(supervisor, "hedge-trader", 1);

        var stop = supervisor.StopAsync();
        await WaitAsync(supervisor, s => s[0].State == ProcessState.Stopping);
        child.Terminations.ShouldBe(1);
        _time.Advance(TimeSpan.FromSeconds(14.9));
        child.Killed.ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await stop.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        child.Killed.ShouldBeTrue();
        supervisor.Snapshot()[0].State.ShouldBe(ProcessState.Stopped);
    }

    [Fact]
    public async Task Stop_DuringBackoff_StartsNothingMore()
    {
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        (await ChildAsync(supervisor, "mm-trader", 1)).Exit(1);
        await WaitAsync(supervisor, s => s[0].State == ProcessState.Backoff);

        await supervisor.StopAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(1));

        _launcher.Started.Count.ShouldBe(1);
        supervisor.Snapshot()[0].State.ShouldBe(ProcessState.Stopped);
    }

    [Fact]
    public async Task ALauncherFailure_LeavesTheProcessFailedWithTheReason()
    {
        _launcher.StartFailure = new System.ComponentModel.Win32Exception("No such file or directory");
        await using var supervisor = Create(only: "mm-trader");
        supervisor.Start();
        await supervisor.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var status = supervisor.Snapshot()[0];
        status.State.ShouldBe(ProcessState.Failed);
        status.HaltReason.ShouldBe("cannot start the worker: No such file or directory");
    }

    private FleetSupervisor Create(string? only = null) => new(Manifest, new FleetSupervisorOptions { Time = _time, Launcher = _launcher, Only = only });

    private async Task<FakeChild> ChildAsync(FleetSupervisor supervisor, string process, int nth)
    {
        await WaitAsync(supervisor, _ => _launcher.Of(process).Count >= nth);
        return _launcher.Of(process)[nth - 1];
    }

    /// <summary>Waits (on the supervisor's Changed event, real deadline) until <paramref name="done"/> holds for its snapshot.</summary>
    private static async Task<IReadOnlyList<ProcessStatus>> WaitAsync(FleetSupervisor supervisor, Func<IReadOnlyList<ProcessStatus>, bool> done)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, EventArgs e)
        {
            if (done(supervisor.Snapshot()))
            {
                reached.TrySetResult();
            }
        }

        supervisor.Changed += Check;
        try
        {
            Check(null, EventArgs.Empty);
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            return supervisor.Snapshot();
        }
        finally
        {
            supervisor.Changed -= Check;
        }
    }
}
