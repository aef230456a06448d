using System.ComponentModel;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Supervisor.Internal;

namespace Bulkhead.Runtime.Supervisor;

/// <summary>
/// Runs a fleet (Contract S): every long-running process of the manifest (roles trader and dashboard) as a child OS
/// process (<c>bulkhead worker</c>, Contract W), its status lines parsed into <see cref="ProcessStatus"/>. A crash (exit 1),
/// a held key (exit 3) or a kill by signal is restarted after an exponential backoff (1 s doubling to 30 s, back to 1 s
/// once the worker stayed up 60 s); exit 2 (configuration), 4 (authentication/lockout) and 5 (risk) leave the process
/// <see cref="ProcessState.Halted"/> with its reason until an operator resumes it. Operators halt, resume and restart
/// processes and pull the fleet's kill switch (<c>FleetSupervisor.Control.cs</c>). <see cref="StopAsync"/> sends
/// SIGTERM to every worker and SIGKILL to those still running after 15 s.
/// </summary>
public sealed partial class FleetSupervisor : IAsyncDisposable
{
    private readonly FleetManifest _manifest;
    private readonly FleetSupervisorOptions _options;
    private readonly string _environment;
    private readonly List<ProcessSlot> _slots;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _started;

    /// <summary>Prepares to supervise the manifest's trader and dashboard processes (or only <see cref="FleetSupervisorOptions.Only"/>).</summary>
    /// <exception cref="ArgumentException">The environment or <c>--only</c> process is not in the manifest, or is not a long-running role.</exception>
    public FleetSupervisor(FleetManifest manifest, FleetSupervisorOptions options)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        _manifest = manifest;
        _options = options;
        _environment = options.Environment ?? manifest.Fleet.DefaultEnvironment;
        if (manifest.FindEnvironment(_environment) is null)
        {
            throw new ArgumentException($"the manifest has no environment '{_environment}'; it has {string.Join(", ", manifest.Environments.Select(e => e.Name))}", nameof(options));
        }

        _slots = [.. Supervised(manifest, options.Only).Where(p => options.Ownership?.MayRun(p) ?? true).Select(p => new ProcessSlot(p))];
    }

    /// <summary>Raised (on any thread) after any process's status changed; read <see cref="Snapshot"/> then.</summary>
    public event EventHandler? Changed;

    /// <summary>The environment the workers run in.</summary>
    public string Environment => _environment;

    /// <summary>The manifest it supervises.</summary>
    public FleetManifest Manifest => _manifest;

    /// <summary>
    /// Completes when the fleet has ended: after <see cref="StopAsync"/>, or when every supervised process ended on its
    /// own (stopped, halted or failed) while no operator holds one down — a fleet an operator halted (or whose kill switch
    /// is pulled) waits for the operator instead.
    /// </summary>
    public Task Completion => _started ? _ended.Task : Task.CompletedTask;

    /// <summary>The processes a supervisor runs: every trader and dashboard and every external command (each as a worker), or just <paramref name="only"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="only"/> is not a process of the manifest, or not a trader or dashboard.</exception>
    public static IReadOnlyList<FleetProcess> Supervised(FleetManifest manifest, string? only)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var running = manifest.Processes.Where(Runs).ToList();
        if (only is null)
        {
            return running;
        }

        var process = manifest.FindProcess(only)
            ?? throw new ArgumentException($"--only {only}: the manifest has no such process; long-running ones: {string.Join(", ", running.Select(p => p.Name))}", nameof(only));
        return Runs(process)
            ? [process]
            : throw new ArgumentException($"--only {only}: process '{only}' has role {process.Role.ToString().ToLowerInvariant()}, which the supervisor does not run (only trader and dashboard)", nameof(only));
    }

    private static bool Runs(FleetProcess process) => process.IsExternal || process.Role is FleetRole.Trader or FleetRole.Dashboard;

    /// <summary>Every supervised process's status, in manifest order.</summary>
    public IReadOnlyList<ProcessStatus> Snapshot()
    {
        lock (_gate)
        {
            return [.. _slots.Select(s => s.ToStatus())];
        }
    }

    /// <summary>What the supervisor has counted per process (calls, errors, guard trips, halts), in manifest order.</summary>
    public IReadOnlyList<ProcessCounters> Counters()
    {
        lock (_gate)
        {
            return [.. _slots.Select(s => s.ToCounters())];
        }
    }

    /// <summary>Starts every supervised process (none while the kill switch is pulled); returns at once.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        lock (_gate)
        {
            if (_started)
            {
                throw new InvalidOperationException("the supervisor was already started");
            }

            _started = true;
            foreach (var slot in _slots)
            {
                if (_killSwitch is not null && slot.Process.Role == FleetRole.Trader)
                {
                    slot.Hold = KillSwitchHold(_killSwitch);
                    slot.State = ProcessState.Halted;
                    slot.Reason = slot.Hold;
                    slot.Since = _options.Time.GetUtcNow();
                    slot.Halts["kill-switch"] = slot.Halts.GetValueOrDefault("kill-switch") + 1;
                    continue;
                }

                slot.Loop = SuperviseAsync(slot, _stopping.Token);
            }
        }

        CheckEnded();
    }

    /// <summary>
    /// Stops the fleet gracefully: no more restarts, SIGTERM to every worker, SIGKILL to any still running after
    /// <see cref="FleetSupervisorOptions.StopTimeout"/>; completes when every worker has exited.
    /// </summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(Loops()).ConfigureAwait(false);
        _ended.TrySetResult();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private Task[] Loops()
    {
        lock (_gate)
        {
            return [.. _slots.Select(s => s.Loop).OfType<Task>()];
        }
    }

    private async Task SuperviseAsync(ProcessSlot slot, CancellationToken stopping)
    {
        await Task.Yield();
        try
        {
            await RunSlotAsync(slot, stopping).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                slot.Loop = null;
            }

            // A fleet that stops gives its processes to the standby hosts; a halted process stays held here (not run elsewhere).
            if (stopping.IsCancellationRequested)
            {
                Disown(slot);
            }

            Changed?.Invoke(this, EventArgs.Empty);
            CheckEnded();
        }
    }

    private async Task RunSlotAsync(ProcessSlot slot, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            if (HeldDown(slot))
            {
                return;
            }

            if (!await OwnAsync(slot, stopping).ConfigureAwait(false))
            {
                continue;
            }

            Update(slot, s =>
            {
                s.State = ProcessState.Starting;
                s.Since = _options.Time.GetUtcNow();
                s.Told = null;
                s.NextStart = null;
                s.Pid = null;
                s.GuardTripCounted = false;
            });
            IChildProcess child;
            try
            {
                child = _options.Launcher.Start(new ChildStart(
                    Path.GetFullPath(_manifest.SourceFile), slot.Process, _environment, line => OnStatusLine(slot, line), line => _options.Log?.Invoke($"{slot.Process.Name}: {line}")));
            }
            catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                Update(slot, s => Enter(s, ProcessState.Failed, $"cannot start the worker: {ex.Message}"));
                _options.Log?.Invoke($"supervisor: {slot.Process.Name} cannot be started: {ex.Message}");
                return;
            }

            using (child)
            {
                var started = _options.Time.GetTimestamp();
                Update(slot, s => s.Pid = child.Pid);
                var exited = child.Exited;
                var woke = await Task.WhenAny(exited, WhenCancelled(stopping), Interrupted(slot), OwnershipEnded(slot)).ConfigureAwait(false);
                if (woke != exited)
                {
                    // Asked to stop: by the fleet's stop, by an operator (halt, restart, kill switch), or by the end of this host's process lease.
                    await StopChildAsync(slot, child).ConfigureAwait(false);
                    if (!stopping.IsCancellationRequested && OwnershipLost(slot))
                    {
                        Disown(slot);
                        continue;
                    }

                    if (stopping.IsCancellationRequested || !TakeRestart(slot))
                    {
                        return;
                    }

                    continue;
                }

                var exit = await exited.ConfigureAwait(false);
                FoldCounts(slot, exit);
                if (!await AfterExitAsync(slot, exit, _options.Time.GetElapsedTime(started), stopping).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        Update(slot, s => Enter(s, ProcessState.Stopped, null));
    }

    /// <summary>Books an exit the worker chose (or a crash); waits out the backoff. False: the process stays down.</summary>
    private async Task<bool> AfterExitAsync(ProcessSlot slot, ChildExit exit, TimeSpan up, CancellationToken stopping)
    {
        string reason;
        lock (_gate)
        {
            reason = RestartPolicy.Reason(exit, slot.Told);
        }

        if (!RestartPolicy.Restarts(exit))
        {
            var state = RestartPolicy.FinalState(exit);
            Update(slot, s =>
            {
                Enter(s, state, state == ProcessState.Halted ? reason : null);
                s.LastExitCode = exit.ExitCode;
                if (state == ProcessState.Halted)
                {
                    var kind = HaltKind(exit);
                    s.Halts[kind] = s.Halts.GetValueOrDefault(kind) + 1;
                }
            });
            _options.Log?.Invoke($"supervisor: {slot.Process.Name} {(state == ProcessState.Halted ? "halted, not restarted" : "stopped")}: {reason}");
            return false;
        }

        var delay = TimeSpan.Zero;
        Update(slot, s =>
        {
            s.ConsecutiveCrashes = up >= _options.StableAfter ? 1 : s.ConsecutiveCrashes + 1;
            delay = RestartPolicy.Backoff(s.ConsecutiveCrashes, _options.InitialBackoff, _options.MaximumBackoff);
            Enter(s, ProcessState.Backoff, reason);
            s.LastExitCode = exit.ExitCode;
            s.NextStart = s.Since + delay;
        });
        _options.Log?.Invoke($"supervisor: {slot.Process.Name} {reason}; restart in {delay.TotalSeconds:0.###} s");
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        try
        {
            var interrupted = Interrupted(slot);
            var delayed = Task.Delay(delay, _options.Time, wait.Token);
            await Task.WhenAny(delayed, interrupted).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
            stopping.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException)
        {
            Update(slot, s => Enter(s, ProcessState.Stopped, null));
            return false;
        }

        lock (_gate)
        {
            slot.RestartNow = false;
            slot.ResetInterrupt();
        }

        Update(slot, s => s.Restarts++);
        return true;
    }

    private async Task StopChildAsync(ProcessSlot slot, IChildProcess child)
    {
        bool killSwitch;
        lock (_gate)
        {
            killSwitch = slot.KillSwitch;
        }

        Update(slot, s => Enter(s, ProcessState.Stopping, null));
        if (killSwitch)
        {
            child.TerminateForKillSwitch();
        }
        else
        {
            child.Terminate();
        }

        var exited = child.Exited;
        if (await Task.WhenAny(exited, Task.Delay(_options.StopTimeout, _options.Time)).ConfigureAwait(false) != exited)
        {
            _options.Log?.Invoke($"supervisor: {slot.Process.Name} (pid {child.Pid}) did not stop within {_options.StopTimeout.TotalSeconds:0.###} s of SIGTERM; sending SIGKILL");
            child.Kill();
        }

        var exit = await exited.ConfigureAwait(false);
        FoldCounts(slot, exit);
        Update(slot, s =>
        {
            if (s.Hold is { } hold)
            {
                Enter(s, ProcessState.Halted, hold);
                var kind = s.KillSwitch ? "kill-switch" : "operator";
                s.Halts[kind] = s.Halts.GetValueOrDefault(kind) + 1;
            }
            else
            {
                Enter(s, ProcessState.Stopped, exit.ExitCode == 0 ? null : RestartPolicy.Reason(exit, s.Told));
            }

            s.LastExitCode = exit.ExitCode;
        });
    }

    /// <summary>Folds the exited worker's counts into the totals (its heartbeat counted since it started).</summary>
    private void FoldCounts(ProcessSlot slot, ChildExit exit)
    {
        lock (_gate)
        {
            slot.Previous = slot.Previous.Add(slot.Current);
            slot.Current = CallCounts.None;
            if (exit.ExitCode == Worker.WorkerExitCodes.HaltedAuth && !slot.GuardTripCounted)
            {
                slot.GuardTrips++;
                slot.GuardTripCounted = true;
            }
        }
    }

    /// <summary>The kind of a worker's own halt, as the metrics count it.</summary>
    private static string HaltKind(ChildExit exit) => exit.ExitCode switch
    {
        Worker.WorkerExitCodes.HaltedAuth => "auth",
        Worker.WorkerExitCodes.HaltedRisk => "risk",
        Worker.WorkerExitCodes.HaltedStrategy => "strategy",
        _ => "configuration",
    };

    private void Enter(ProcessSlot slot, ProcessState state, string? reason)
    {
        slot.State = state;
        slot.Since = _options.Time.GetUtcNow();
        slot.Reason = reason;
        slot.NextStart = null;
        if (state is not (ProcessState.Starting or ProcessState.Running or ProcessState.Stopping))
        {
            slot.Pid = null;
        }
    }

    private void Update(ProcessSlot slot, Action<ProcessSlot> change)
    {
        lock (_gate)
        {
            change(slot);
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Ends the fleet when every loop has ended by itself and no operator holds a process down.</summary>
    private void CheckEnded()
    {
        lock (_gate)
        {
            if (!_started || _slots.Any(s => s.Loop is not null))
            {
                return;
            }

            if (!_stopping.IsCancellationRequested && (_killSwitch is not null || _slots.Any(s => s.Hold is not null)))
            {
                return;
            }
        }

        _ended.TrySetResult();
    }

    private static Task WhenCancelled(CancellationToken token)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => done.TrySetResult());
        return done.Task;
    }
}
