namespace Bulkhead.Kraken.Guards;

/// <summary>A snapshot of a <see cref="LockoutGuard"/>.</summary>
/// <param name="Halted">True when calls fail fast locally.</param>
/// <param name="Reason">Why the key is halted, or null.</param>
/// <param name="HaltedUntil">When the halt ends by itself; null when it lasts until reset (or when not halted).</param>
/// <param name="RecentFailures">Authentication failures counted in the current window.</param>
public sealed record LockoutGuardState(bool Halted, string? Reason, DateTimeOffset? HaltedUntil, int RecentFailures);
