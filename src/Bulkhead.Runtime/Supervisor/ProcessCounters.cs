namespace Bulkhead.Runtime.Supervisor;

/// <summary>
/// What the supervisor has counted for one process since it started (every worker of it, restarts included): the
/// source of the process metrics. Counts never go down while the supervisor runs.
/// </summary>
/// <param name="Process">The manifest's process name.</param>
/// <param name="Calls">Signed calls its workers attempted (as their heartbeats reported them).</param>
/// <param name="Errors">Of those, the failed ones by error code (Kraken's wire string verbatim, or a <c>Bulkhead:</c> code).</param>
/// <param name="GuardTrips">How often its key's lockout guard tripped (a heartbeat said <c>halted</c>, or a worker exited with an authentication halt).</param>
/// <param name="Halts">How often it was halted, by kind: <c>auth</c>, <c>risk</c>, <c>configuration</c>, <c>operator</c>, <c>kill-switch</c>.</param>
/// <param name="ConsecutiveCrashes">Crashes since it last stayed up long enough (restarting in a loop when this grows).</param>
public sealed record ProcessCounters(
    string Process,
    long Calls,
    IReadOnlyDictionary<string, long> Errors,
    int GuardTrips,
    IReadOnlyDictionary<string, int> Halts,
    int ConsecutiveCrashes);
