using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Guards;

namespace Bulkhead.Fleet.Sessions;

/// <summary>
/// The lockout guards' records of a fleet's keys in its coordination store (where <see cref="ProcessSession"/> keeps them,
/// one per environment and key): what operators read (<c>bulkhead keys halts</c>) and clear (<c>bulkhead keys clear-halt</c>).
/// </summary>
public static class KeyHalts
{
    /// <summary>Every key of <paramref name="manifest"/> in <paramref name="environment"/> with its guard's record, in manifest order.</summary>
    public static IReadOnlyList<KeyHaltView> List(FleetManifest manifest, string environment, ICoordinationStore store, TimeProvider time, LockoutGuardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var window = (options ?? new LockoutGuardOptions()).Window;
        var now = time.GetUtcNow();
        return
        [
            .. manifest.Keys.Where(k => k.IsIn(environment)).Select(k =>
            {
                var guardStore = ProcessSession.GuardStore(store, environment, k.Name);
                var record = guardStore.Load();
                var halted = record.Halted && (record.HaltedUntil is not { } until || until > now);
                return new KeyHaltView(k.Name, halted, halted ? record.Reason : null, halted ? record.HaltedUntil : null,
                    record.Failures.Count(f => now - f < window), guardStore.LastClear());
            }),
        ];
    }

    /// <summary>
    /// Clears the guard of key <paramref name="keyName"/> in <paramref name="environment"/>, noting <paramref name="by"/>;
    /// returns the record it replaced. The next process that opens the key starts with no failures and no halt.
    /// </summary>
    /// <exception cref="ArgumentException">The manifest has no such key in that environment.</exception>
    public static LockoutGuardRecord Clear(FleetManifest manifest, string environment, string keyName, string by, ICoordinationStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        if (manifest.FindKey(keyName) is not { } key || !key.IsIn(environment))
        {
            throw new ArgumentException($"the manifest has no key '{keyName}' in environment '{environment}' (keys: {string.Join(", ", manifest.Keys.Where(k => k.IsIn(environment)).Select(k => k.Name))})", nameof(keyName));
        }

        return ProcessSession.GuardStore(store, environment, key.Name).Clear(by, time.GetUtcNow());
    }
}

/// <summary>One key's guard as operators see it.</summary>
/// <param name="Key">The manifest's key name.</param>
/// <param name="Halted">True while its processes refuse to sign with it.</param>
/// <param name="Reason">Why, or null.</param>
/// <param name="HaltedUntil">When the halt ends by itself (an exchange lockout), or null: until cleared.</param>
/// <param name="RecentFailures">Authentication failures within the guard's window.</param>
/// <param name="LastClear">The last operator clear, or null.</param>
public sealed record KeyHaltView(string Key, bool Halted, string? Reason, DateTimeOffset? HaltedUntil, int RecentFailures, StateStoreGuardStore.GuardClear? LastClear);
