namespace Bulkhead.Runtime.Supervisor;

/// <summary>Where a supervised process stands (Contract S).</summary>
public enum ProcessState
{
    /// <summary>Its OS process was started; it has not reported <c>running</c> (key lease acquired) yet.</summary>
    Starting,

    /// <summary>It holds its key's lease and runs its role.</summary>
    Running,

    /// <summary>It crashed (exit 1, 3 or killed by a signal) and waits out its backoff before the next start.</summary>
    Backoff,

    /// <summary>It stopped itself and must not be restarted (exit 2 configuration, 4 authentication/lockout, 5 risk) until an operator acts.</summary>
    Halted,

    /// <summary>The supervisor asked it to stop (SIGTERM) and waits for it.</summary>
    Stopping,

    /// <summary>It is not running: stopped on request, or never started.</summary>
    Stopped,

    /// <summary>Its OS process could not be started at all (the reason says why); not retried.</summary>
    Failed,
}
