using Bulkhead.Dashboard.Documents;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Supervisor;

namespace Bulkhead.Dashboard.Tree;

/// <summary>
/// The tree's health rules (Contract D): a running process with a heartbeat at most 10 s old is ok; starting or stopping
/// is warn; halted is halted; crashed and waiting out its backoff, stopped, failed or silent for more than 10 s is down
/// (nothing of it runs: a killed strategy shows red until its restart has reported running); an on-demand role
/// (reconciler, flattener, treasury, replayer) is idle. A parent is the worst of its children, halted counting as down.
/// </summary>
internal static class Health
{
    /// <summary>How old a running process's last heartbeat may be before it counts as down.</summary>
    public static readonly TimeSpan HeartbeatLimit = TimeSpan.FromSeconds(10);

    /// <summary>Whether the supervisor runs this role (the others run on demand, by their own commands).</summary>
    public static bool IsLongRunning(FleetRole role) => role is FleetRole.Trader or FleetRole.Dashboard;

    /// <summary>A process's health from its supervisor status (null: not supervised by this run).</summary>
    public static NodeHealth Of(FleetProcess process, ProcessStatus? status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (status is null)
        {
            return IsLongRunning(process.Role) ? NodeHealth.Down : NodeHealth.Idle;
        }

        return status.State switch
        {
            ProcessState.Running => now - (status.LastHeartbeat ?? status.Since ?? now) <= HeartbeatLimit ? NodeHealth.Ok : NodeHealth.Down,
            ProcessState.Starting or ProcessState.Stopping => NodeHealth.Warn,
            ProcessState.Halted => NodeHealth.Halted,
            _ => NodeHealth.Down,
        };
    }

    /// <summary>A parent's health: the worst child, halted shown as down; idle only when every child is idle; ok without children.</summary>
    public static NodeHealth Worst(IEnumerable<NodeHealth> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var list = children.ToList();
        if (list.Count > 0 && list.TrueForAll(h => h == NodeHealth.Idle))
        {
            return NodeHealth.Idle;
        }

        return list.Exists(h => h is NodeHealth.Down or NodeHealth.Halted) ? NodeHealth.Down
            : list.Contains(NodeHealth.Warn) ? NodeHealth.Warn
            : NodeHealth.Ok;
    }
}
