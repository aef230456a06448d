namespace Bulkhead.Runtime.Worker;

/// <summary>The strategy host's rhythm.</summary>
/// <param name="PollInterval">Between two polls (market data, fills, open orders, timer).</param>
/// <param name="HeartbeatInterval">Between two heartbeat lines.</param>
/// <param name="EquityInterval">Between two equity points and account snapshots.</param>
/// <param name="DeadMansSwitch">The dead man's switch window (re-armed every third of it).</param>
internal sealed record HostSettings(TimeSpan PollInterval, TimeSpan HeartbeatInterval, TimeSpan EquityInterval, TimeSpan DeadMansSwitch)
{
    /// <summary>How long the graceful stop may take (cancel all, disarm, last fills) before giving up.</summary>
    public TimeSpan StopBudget { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Set when the fleet's kill switch was pulled: the stop leaves the dead man's switch firing instead of disarming it.</summary>
    public KillSwitchSignal KillSwitch { get; init; } = new();

    /// <summary>How soon the dead man's switch fires after a kill-switch stop.</summary>
    public TimeSpan KillSwitchWindow { get; init; } = TimeSpan.FromSeconds(1);
}
