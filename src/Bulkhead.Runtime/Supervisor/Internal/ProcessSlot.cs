using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Runtime.Supervisor.Internal;

/// <summary>One supervised process's mutable state; guarded by the supervisor's lock, published as <see cref="ProcessStatus"/>.</summary>
internal sealed class ProcessSlot(FleetProcess process)
{
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

    public ProcessStatus ToStatus() =>
        new(Process.Name, Process.Role, Process.Strategy, Process.Account, Process.Key, State, Pid, Restarts, Since, LastHeartbeat, Reason, Heartbeat)
        {
            LastExitCode = LastExitCode,
            NextStart = NextStart,
        };
}
