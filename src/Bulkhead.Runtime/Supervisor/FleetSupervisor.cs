using System.ComponentModel;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Supervisor.Internal;

namespace Bulkhead.Runtime.Supervisor;

/// <summary>
/// Runs a fleet (Contract S): every long-running process of the manifest (roles trader and dashboard) as a child OS
/// process (<c>bulkhead worker</c>, Contract W), its status lines parsed into <see cref="ProcessStatus"/>. A crash (exit 1),
/// a held key (exit 3) or a kill by signal is restarted after an exponential backoff (1 s doubling to 30 s, back to 1 s
/// once the worker stayed up 60 s); exit 2 (configuration), 4 (authentication/lockout) and 5 (risk) leave the process
/// <see cref="ProcessState.Halted"/> with its reason until an operator restarts the fleet. <see cref="StopAsync"/> sends
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
    private Task? _completion;

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

        _slots = [.. Supervised(manifest, options.Only).Select(p => new ProcessSlot(p))];
    }

    /// <summary>Raised (on any thread) after any process's status changed; read <see cref="Snapshot"/> then.</summary>
    public event EventHandler? Changed;

    /// <summary>The environment the workers run in.</summary>
    public string Environment => _environment;

    /// <summary>Completes when every supervised process has ended (stopped, halted or failed) for good.</summary>
    public Task Completion => _completion ?? Task.CompletedTask;

    /// <summary>The processes a supervisor runs: every trader and dashboard, or just <paramref name="only"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="only"/> is not a process of the manifest, or not a trader or dashboard.</exception>
    public static IReadOnlyList<FleetProcess> Supervised(FleetManifest manifest, string? only)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var running = manifest.Processes.Where(p => p.Role is FleetRole.Trader or FleetRole.Dashboard).ToList();
        if (only is null)
        {
            return running;
        }

        var process = manifest.FindProcess(only)
            ?? throw new ArgumentException($"--only {only}: the manifest has no such process; long-running ones: {string.Join(", ", running.Select(p => p.Name))}", nameof(only));
        return process.Role is FleetRole.Trader or FleetRole.Dashboard
            ? [process]
            : throw new ArgumentException($"--only {only}: process '{only}' has role {process.Role.ToString().ToLowerInvariant()}, which the supervisor does not run (only trader and dashboard)", nameof(only));
    }

    /// <summary>Every supervised process's status, in manifest order.</summary>
    public IReadOnlyList<ProcessStatus> Snapshot()
    {
        lock (_gate)
        {
            return [.. _slots.Select(s => s.ToStatus())];
        }
    }

    /// <summary>Starts every supervised process; returns at once.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        lock (_gate)
        {
            if (_completion is not null)
            {
                throw new InvalidOperationException("the supervisor was already started");
            }

            _completion = Task.WhenAll(_slots.Select(s => SuperviseAsync(s, _stopping.Token)).ToArray());
        }
    }

    /// <summary>
    /// Stops the fleet gracefully: no more restarts, SIGTERM to every worker, SIGKILL to any still running after
    /// <see cref="FleetSupervisorOptions.StopTimeout"/>; completes when every worker has exited.
    /// </summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Completion.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task SuperviseAsync(ProcessSlot slot, CancellationToken stopping)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            Update(slot, s =>
            {
                s.State = ProcessState.Starting;
                s.Since = _options.Time.GetUtcNow();
                s.Told = null;
                s.NextStart = null;
                s.Pid = null;
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
                if (await Task.WhenAny(exited, WhenCancelled(stopping)).ConfigureAwait(false) != exited)
                {
                    await StopChildAsync(slot, child).ConfigureAwait(false);
                    return;
                }

                var exit = await exited.ConfigureAwait(false);
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
        try
        {
            await Task.Delay(delay, _options.Time, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Update(slot, s => Enter(s, ProcessState.Stopped, null));
            return false;
        }

        Update(slot, s => s.Restarts++);
        return true;
    }

    private async Task StopChildAsync(ProcessSlot slot, IChildProcess child)
    {
        Update(slot, s => Enter(s, ProcessState.Stopping, null));
        child.Terminate();
        var exited = child.Exited;
        if (await Task.WhenAny(exited, Task.Delay(_options.StopTimeout, _options.Time)).ConfigureAwait(false) != exited)
        {
            _options.Log?.Invoke($"supervisor: {slot.Process.Name} (pid {child.Pid}) did not stop within {_options.StopTimeout.TotalSeconds:0.###} s of SIGTERM; sending SIGKILL");
            child.Kill();
        }

        var exit = await exited.ConfigureAwait(false);
        Update(slot, s =>
        {
            Enter(s, ProcessState.Stopped, exit.ExitCode == 0 ? null : RestartPolicy.Reason(exit, s.Told));
            s.LastExitCode = exit.ExitCode;
        });
    }

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

    private static Task WhenCancelled(CancellationToken token)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => done.TrySetResult());
        return done.Task;
    }
}
