using Bulkhead.Kraken.Limits;

namespace Bulkhead.Kraken.Guards;

/// <summary>
/// An <see cref="ILockoutGuardStore"/> on a shared state store (the fleet's SQLite or PostgreSQL coordination store, whose
/// atomic updates the rate limiters already use), under the state key <c>guard:KEYNAME</c>.
/// </summary>
public sealed class StateStoreGuardStore : ILockoutGuardStore
{
    private readonly IRateLimitStateStore _store;
    private readonly string _stateKey;

    /// <summary>The guard record of the key named <paramref name="keyName"/> in <paramref name="store"/>.</summary>
    public StateStoreGuardStore(IRateLimitStateStore store, string keyName)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyName);
        _store = store;
        _stateKey = StateKey(keyName);
    }

    /// <summary>The state key of a key's guard record.</summary>
    public static string StateKey(string keyName) => "guard:" + keyName;

    /// <inheritdoc />
    public LockoutGuardRecord Load() => _store.Update<GuardState, LockoutGuardRecord>(_stateKey, s => (s ?? GuardState.Empty, (s ?? GuardState.Empty).ToRecord()));

    /// <inheritdoc />
    public LockoutGuardRecord Merge(LockoutGuardRecord change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _store.Update<GuardState, LockoutGuardRecord>(_stateKey, s =>
        {
            var merged = (s ?? GuardState.Empty).Merge(change);
            return (merged, merged.ToRecord());
        });
    }

    /// <inheritdoc />
    public void Clear() => _store.Update<GuardState, bool>(_stateKey, s => (GuardState.Empty with { LastClear = s?.LastClear }, true));

    /// <inheritdoc />
    public LockoutGuardRecord Clear(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return _store.Update<GuardState, LockoutGuardRecord>(_stateKey, s =>
        {
            var before = s ?? GuardState.Empty;
            return (GuardState.Empty with { LastClear = new GuardClear(at, by, before.Halted ? before.Reason : null) }, before.ToRecord());
        });
    }

    /// <summary>The last operator clear of the key's guard, or null.</summary>
    public GuardClear? LastClear() => _store.Update<GuardState, GuardClear?>(_stateKey, s => (s ?? GuardState.Empty, s?.LastClear));

    /// <summary>An operator's clear of a guard.</summary>
    /// <param name="At">When.</param>
    /// <param name="By">Who.</param>
    /// <param name="Reason">The halt it ended, or null when the key was not halted.</param>
    public sealed record GuardClear(DateTimeOffset At, string By, string? Reason);

    /// <summary>The stored shape (a JSON-friendly record).</summary>
    /// <param name="Failures">Failure times.</param>
    /// <param name="Halted">Halted.</param>
    /// <param name="Reason">Halt reason.</param>
    /// <param name="HaltedUntil">Halt end, or null.</param>
    public sealed record GuardState(DateTimeOffset[] Failures, bool Halted, string? Reason, DateTimeOffset? HaltedUntil)
    {
        /// <summary>The last operator clear, kept across later failures and halts.</summary>
        public GuardClear? LastClear { get; init; }

        /// <summary>The most failures kept (far more than any halt threshold: older ones are long out of every window).</summary>
        public const int MaxFailures = 64;

        /// <summary>No failure, no halt.</summary>
        public static GuardState Empty { get; } = new([], false, null, null);

        /// <summary>As a record.</summary>
        public LockoutGuardRecord ToRecord() => new(Failures, Halted, Reason, HaltedUntil);

        /// <summary>Failures added (each guard sends only its new ones); a halt stays, an open-ended halt beats a timed one, the later end wins.</summary>
        public GuardState Merge(LockoutGuardRecord change)
        {
            var failures = Failures.Concat(change.Failures).Order().TakeLast(MaxFailures).ToArray();
            if (!change.Halted)
            {
                return this with { Failures = failures };
            }

            if (!Halted)
            {
                return new GuardState(failures, true, change.Reason, change.HaltedUntil) { LastClear = LastClear };
            }

            var until = HaltedUntil is null || change.HaltedUntil is null ? null : (DateTimeOffset?)(HaltedUntil > change.HaltedUntil ? HaltedUntil : change.HaltedUntil);
            return new GuardState(failures, true, until == HaltedUntil ? Reason : change.Reason, until) { LastClear = LastClear };
        }
    }
}
