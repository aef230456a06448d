namespace Bulkhead.Runtime.Worker;

/// <summary>
/// Set when the supervisor says the fleet's kill switch was pulled (a line on the worker's stdin, just before SIGTERM):
/// the graceful stop then cancels every order and leaves the dead man's switch set to fire at once, instead of
/// disarming it, so anything that raced the cancel is cancelled by the exchange too. Thread-safe.
/// </summary>
public sealed class KillSwitchSignal
{
    private int _pulled;

    /// <summary>Whether the kill switch was pulled.</summary>
    public bool Pulled => Volatile.Read(ref _pulled) == 1;

    /// <summary>Marks it pulled.</summary>
    public void Pull() => Volatile.Write(ref _pulled, 1);
}
