namespace Bulkhead.Dashboard.Documents;

/// <summary>A tree node's health (serialized lower case). A parent's is the worst of its children's.</summary>
public enum NodeHealth
{
    /// <summary>Running with a fresh heartbeat (≤ 10 s), or nothing wrong below.</summary>
    Ok,

    /// <summary>Starting (its OS process is up, it has not reported running yet), or stopping.</summary>
    Warn,

    /// <summary>Crashed and waiting out its restart backoff, stopped, failed, or no heartbeat for more than 10 s.</summary>
    Down,

    /// <summary>Halted for authentication, risk or configuration: not restarted until an operator acts.</summary>
    Halted,

    /// <summary>An on-demand role (reconciler, flattener, treasury, replayer) not running: nothing is expected of it.</summary>
    Idle,
}
