using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Runtime.Supervisor.Internal;

/// <summary>One supervised process's mutable state; guarded by the supervisor's lock, published as <see cref="ProcessStatus"/>.</summary>
internal sealed class ProcessSlot(FleetProcess process)
{
    private TaskCompletionSource _interrupt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FleetProcess Process { get; } = process;

    public ProcessState State { get; set; } = ProcessState.Starting;

    public int? Pid { get; set; }

    public int Restarts { get; set; }

    public int ConsecutiveCrashes { get; set; }

    public DateTimeOffset? Since { get; set; }

    public DateTimeOffset? LastHeartbeat { get; set; }

    public string? Reason { get; set; }

    /// <summary>What the current worker said about its end (its <c>halted</c> reason or <c>error</c> message).</summary>
    public string? Told { get; set; }

    public WorkerHeartbeat? Heartbeat { get; set; }

    public int? LastExitCode { get; set; }

    public DateTimeOffset? NextStart { get; set; }

    /// <summary>The loop supervising this process, while one runs (null: it ended — halted, stopped or failed).</summary>
    public Task? Loop { get; set; }

    /// <summary>Why an operator holds it down (halt, kill switch): its worker is stopped and not started again until resumed.</summary>
    public string? Hold { get; set; }

    /// <summary>An operator asked for a restart: stop the worker (if any) and start it again at once.</summary>
    public bool RestartNow { get; set; }

    /// <summary>The hold is the kill switch's: the worker is told so before SIGTERM (it fires its dead man's switch).</summary>
    public bool KillSwitch { get; set; }

    /// <summary>The current worker's counts (reset when it exits: they are folded into the totals).</summary>
    public CallCounts Current { get; set; } = CallCounts.None;

    /// <summary>The counts of the workers that already exited.</summary>
    public CallCounts Previous { get; set; } = CallCounts.None;

    /// <summary>Whether the current worker's lockout guard trip was counted.</summary>
    public bool GuardTripCounted { get; set; }

    public int GuardTrips { get; set; }

    public Dictionary<string, int> Halts { get; } = new(StringComparer.Ordinal);

    /// <summary>Completes when an operator changed what the loop should do (hold, restart, kill switch).</summary>
    public Task Interrupted => _interrupt.Task;

    /// <summary>Wakes the loop (the caller holds the lock and has set what it wants).</summary>
    public void Interrupt() => _interrupt.TrySetResult();

    /// <summary>A fresh interrupt for the next wait (the loop calls it once it has acted on one).</summary>
    public void ResetInterrupt()
    {
        if (_interrupt.Task.IsCompleted)
        {
            _interrupt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public ProcessStatus ToStatus() =>
        new(Process.Name, Process.Role, Process.Strategy, Process.Account, Process.Key, State, Pid, Restarts, Since, LastHeartbeat, Reason, Heartbeat)
        {
            LastExitCode = LastExitCode,
            NextStart = NextStart,
        };

    public ProcessCounters ToCounters()
    {
        var total = Previous.Add(Current);
        return new ProcessCounters(Process.Name, total.Calls, total.Errors, GuardTrips, new SortedDictionary<string, int>(Halts, StringComparer.Ordinal), ConsecutiveCrashes);
    }
}
