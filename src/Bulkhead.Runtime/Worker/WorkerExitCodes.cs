namespace Bulkhead.Runtime.Worker;

/// <summary>
/// The exit codes of <c>bulkhead worker</c> (Contract W): what the supervisor does with each. A worker killed by a signal
/// counts as crashed.
/// </summary>
public static class WorkerExitCodes
{
    /// <summary>Stopped on request (SIGTERM, SIGINT): orders cancelled, dead man's switch disarmed, lease released.</summary>
    public const int Stopped = 0;

    /// <summary>Crashed or an unexpected error: restart with backoff.</summary>
    public const int Crashed = 1;

    /// <summary>Configuration error (manifest, process, key, secret, role): do NOT restart; the message is on stderr and in an <c>error</c> line.</summary>
    public const int Configuration = 2;

    /// <summary>The key's lease is held by another live process (or was lost): restart with backoff, the lease expires.</summary>
    public const int KeyHeld = 3;

    /// <summary>Halted: authentication failures tripped the lockout guard, or the exchange locked the key out. NEVER restart automatically.</summary>
    public const int HaltedAuth = 4;

    /// <summary>Halted: a risk limit was breached; the strategy's orders were cancelled. NEVER restart automatically.</summary>
    public const int HaltedRisk = 5;

    /// <summary>
    /// Halted: the strategy itself failed — threw too many times in a row, hung past its timeout, or could not start; its
    /// orders were cancelled. NEVER restart automatically (restarting the same code repeats the failure).
    /// </summary>
    public const int HaltedStrategy = 6;
}
