namespace Bulkhead.Sandbox.Auth.Internal;

/// <summary>The in-memory authentication state of one key; every member is guarded by <see cref="Gate"/>.</summary>
internal sealed class KeyState
{
    public KeyState(long persistedHighWater)
    {
        // Nonces at or below the persisted mark were used before this process started; the seen-set of the window is
        // not persisted, so the window does not reach below this floor (no replay after a restart).
        Floor = persistedHighWater;
    }

    public Lock Gate { get; } = new();

    public long Floor { get; }

    /// <summary>Accepted nonces inside the window (high-water mark included), pruned as the mark rises.</summary>
    public SortedSet<long> Seen { get; } = [];

    public Queue<DateTimeOffset> Failures { get; } = new();

    public DateTimeOffset? LockedUntil { get; set; }

    public long Requests { get; set; }

    public long Succeeded { get; set; }

    public Dictionary<string, long> FailuresByKind { get; } = new(StringComparer.Ordinal);

    /// <summary>The most recent requests, oldest first; bounded by the authenticator.</summary>
    public Queue<KeyCall> Calls { get; } = new();
}
