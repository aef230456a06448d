using System.Globalization;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Supervisor.Internal;

namespace Bulkhead.Runtime.Supervisor;

/// <summary>What operators do to a running fleet: halt, resume and restart a process; pull and re-arm the kill switch; run a one-shot process.</summary>
public sealed partial class FleetSupervisor
{
    private KillSwitchState? _killSwitch;

    /// <summary>The kill switch, while pulled (null: armed — processes may start).</summary>
    public KillSwitchState? KillSwitch
    {
        get
        {
            lock (_gate)
            {
                return _killSwitch;
            }
        }
    }

    /// <summary>
    /// Marks the kill switch pulled before <see cref="Start"/> (as the operator journal last left it): no trader starts
    /// until <see cref="Rearm"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The supervisor already started.</exception>
    public void RestoreKillSwitch(KillSwitchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            if (_started)
            {
                throw new InvalidOperationException("the kill switch is restored before the supervisor starts");
            }

            _killSwitch = state;
        }
    }

    /// <summary>
    /// Stops <paramref name="process"/>'s worker gracefully (SIGTERM: it cancels its orders, disarms its dead man's switch
    /// and releases its lease) and keeps it <see cref="ProcessState.Halted"/> with <paramref name="reason"/> until
    /// <see cref="Resume"/>; completes when its worker has exited (SIGKILL after the stop timeout).
    /// </summary>
    /// <exception cref="ArgumentException">The supervisor does not run <paramref name="process"/>.</exception>
    public async Task HaltAsync(string process, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Task? loop;
        lock (_gate)
        {
            var slot = Slot(process);
            slot.Hold = reason;
            slot.RestartNow = false;
            loop = slot.Loop;
            if (loop is null)
            {
                if (slot.State != ProcessState.Halted)
                {
                    Enter(slot, ProcessState.Halted, reason);
                    slot.Halts["operator"] = slot.Halts.GetValueOrDefault("operator") + 1;
                }
            }
            else
            {
                slot.Interrupt();
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Lets <paramref name="process"/> run again: clears an operator's hold and starts its worker now when nothing runs it
    /// (halted, stopped, failed) or it waits out a backoff. False, and nothing changes, while the kill switch is pulled.
    /// </summary>
    /// <exception cref="ArgumentException">The supervisor does not run <paramref name="process"/>.</exception>
    /// <exception cref="InvalidOperationException">The supervisor has not started or is stopping.</exception>
    public bool Resume(string process)
    {
        lock (_gate)
        {
            var slot = Slot(process);
            if (_killSwitch is not null && slot.Process.Role == FleetRole.Trader)
            {
                return false;
            }

            EnsureRunning();
            slot.Hold = null;
            slot.KillSwitch = false;
            if (slot.Loop is null)
            {
                slot.ConsecutiveCrashes = 0;
                slot.Reason = null;
                slot.ResetInterrupt();
                slot.Loop = SuperviseAsync(slot, _stopping.Token);
            }
            else if (slot.State == ProcessState.Backoff)
            {
                slot.RestartNow = true;
                slot.Interrupt();
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return true;
    }

    /// <summary>
    /// Restarts <paramref name="process"/>: a running worker is stopped gracefully and started again at once; one that is
    /// down starts now (as <see cref="Resume"/>). False while the kill switch is pulled (traders).
    /// </summary>
    /// <exception cref="ArgumentException">The supervisor does not run <paramref name="process"/>.</exception>
    public bool Restart(string process)
    {
        lock (_gate)
        {
            var slot = Slot(process);
            if (_killSwitch is not null && slot.Process.Role == FleetRole.Trader)
            {
                return false;
            }

            if (slot.Loop is not null && slot.Hold is null)
            {
                slot.RestartNow = true;
                slot.Interrupt();
                return true;
            }
        }

        return Resume(process);
    }

    /// <summary>
    /// Pulls the kill switch: every trader is told so and stopped (it cancels its orders and leaves its dead man's switch
    /// set to fire at once), every trader is held halted, and no trader starts again until <see cref="Rearm"/>.
    /// Completes when every trader's worker has exited (SIGKILL after the stop timeout: its armed dead man's switch then
    /// cancels its orders on the exchange). Pulling it again changes nothing.
    /// </summary>
    public async Task<KillSwitchState> PullKillSwitchAsync(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        KillSwitchState state;
        Task[] loops;
        lock (_gate)
        {
            state = _killSwitch ??= new KillSwitchState(at, by);
            var hold = KillSwitchHold(state);
            var traders = _slots.Where(s => s.Process.Role == FleetRole.Trader).ToList();
            foreach (var slot in traders)
            {
                slot.Hold = hold;
                slot.KillSwitch = true;
                slot.RestartNow = false;
                if (slot.Loop is null)
                {
                    if (slot.State != ProcessState.Halted || slot.Reason != hold)
                    {
                        Enter(slot, ProcessState.Halted, hold);
                        slot.Halts["kill-switch"] = slot.Halts.GetValueOrDefault("kill-switch") + 1;
                    }
                }
                else
                {
                    slot.Interrupt();
                }
            }

            loops = [.. traders.Select(s => s.Loop).OfType<Task>()];
        }

        Changed?.Invoke(this, EventArgs.Empty);
        await Task.WhenAll(loops).ConfigureAwait(false);
        return state;
    }

    /// <summary>Re-arms the kill switch: processes may start again (each stays halted until an operator resumes it). False when it was not pulled.</summary>
    public bool Rearm()
    {
        lock (_gate)
        {
            if (_killSwitch is null)
            {
                return false;
            }

            _killSwitch = null;
            foreach (var slot in _slots.Where(s => s.KillSwitch))
            {
                slot.KillSwitch = false;
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return true;
    }

    /// <summary>
    /// Runs a one-shot process of the manifest (a flattener) as a worker through the same launcher, its status lines to
    /// <paramref name="onStatusLine"/>; returns how it exited. SIGTERM when <paramref name="cancellationToken"/> is
    /// cancelled or <paramref name="timeout"/> passes, SIGKILL after the stop timeout.
    /// </summary>
    public async Task<ChildExit> RunOnceAsync(FleetProcess process, Action<string> onStatusLine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(onStatusLine);
        using var child = _options.Launcher.Start(new ChildStart(
            Path.GetFullPath(_manifest.SourceFile), process, _environment, onStatusLine, line => _options.Log?.Invoke($"{process.Name}: {line}")));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        limit.CancelAfter(timeout);
        var exited = child.Exited;
        if (await Task.WhenAny(exited, WhenCancelled(limit.Token)).ConfigureAwait(false) != exited)
        {
            child.Terminate();
            if (await Task.WhenAny(exited, Task.Delay(_options.StopTimeout, _options.Time, CancellationToken.None)).ConfigureAwait(false) != exited)
            {
                child.Kill();
            }
        }

        return await exited.ConfigureAwait(false);
    }

    private static string KillSwitchHold(KillSwitchState state) =>
        $"kill switch: pulled by {state.By} at {state.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC; re-arm, then resume";

    private ProcessSlot Slot(string process) =>
        _slots.FirstOrDefault(s => s.Process.Name == process)
            ?? throw new ArgumentException($"the supervisor does not run a process '{process}' (it runs {string.Join(", ", _slots.Select(s => s.Process.Name))})", nameof(process));

    private void EnsureRunning()
    {
        if (!_started || _stopping.IsCancellationRequested)
        {
            throw new InvalidOperationException(_started ? "the fleet is stopping" : "the supervisor has not started");
        }
    }

    /// <summary>True (and the process shown halted) when an operator or the kill switch holds it down; checked before each start.</summary>
    private bool HeldDown(ProcessSlot slot)
    {
        lock (_gate)
        {
            slot.ResetInterrupt();
            if (slot.Hold is null && (_killSwitch is null || slot.Process.Role != FleetRole.Trader))
            {
                return false;
            }

            slot.Hold ??= KillSwitchHold(_killSwitch!);
            Enter(slot, ProcessState.Halted, slot.Hold);
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return true;
    }

    private Task Interrupted(ProcessSlot slot)
    {
        lock (_gate)
        {
            return slot.Interrupted;
        }
    }

    /// <summary>After an operator's interrupt stopped the worker: true to start it again at once (a restart), false to stay down.</summary>
    private bool TakeRestart(ProcessSlot slot)
    {
        lock (_gate)
        {
            var restart = slot.RestartNow && slot.Hold is null;
            slot.RestartNow = false;
            slot.ResetInterrupt();
            return restart;
        }
    }
}
