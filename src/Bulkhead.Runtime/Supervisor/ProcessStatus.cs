using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Runtime.Supervisor;

/// <summary>
/// One supervised process as the supervisor sees it right now (Contract S): an immutable snapshot the live table, the
/// dashboard and <c>GET /api/status</c> serialize as they are. Never holds a secret.
/// </summary>
/// <param name="Process">The manifest's process name.</param>
/// <param name="Role">Its role (trader or dashboard).</param>
/// <param name="Strategy">The strategy it runs (traders).</param>
/// <param name="Account">The account it works on.</param>
/// <param name="Key">The name of the key it uses (not the key itself).</param>
/// <param name="State">Where it stands.</param>
/// <param name="Pid">Its current OS process id, while one exists.</param>
/// <param name="Restarts">How many times it was restarted after a crash.</param>
/// <param name="Since">When it entered <paramref name="State"/>.</param>
/// <param name="LastHeartbeat">When the supervisor last received its heartbeat (supervisor clock).</param>
/// <param name="HaltReason">Why it is halted, failed or backing off (the worker's <c>halted</c> reason or <c>error</c> message, or the exit).</param>
/// <param name="Heartbeat">Its last heartbeat's figures.</param>
public sealed record ProcessStatus(
    string Process,
    FleetRole Role,
    string? Strategy,
    string Account,
    string? Key,
    ProcessState State,
    int? Pid,
    int Restarts,
    DateTimeOffset? Since,
    DateTimeOffset? LastHeartbeat,
    string? HaltReason,
    WorkerHeartbeat? Heartbeat)
{
    /// <summary>The exit code of its last OS process (128 + N when killed by signal N); null while none has exited.</summary>
    public int? LastExitCode { get; init; }

    /// <summary>When the backoff ends and it is started again (state <see cref="ProcessState.Backoff"/>).</summary>
    public DateTimeOffset? NextStart { get; init; }
}
