namespace Bulkhead.Kraken.Guards;

/// <summary>
/// What a <see cref="LockoutGuard"/> keeps between processes: the authentication failures still in its window and its
/// halt. Stored by an <see cref="ILockoutGuardStore"/> beside the key's lease, so a restarted process (or a loop of
/// one-shot commands) never starts from zero against Kraken's lockout window.
/// </summary>
/// <param name="Failures">When the counted failures happened (oldest first).</param>
/// <param name="Halted">True while calls fail fast locally.</param>
/// <param name="Reason">Why the key is halted (never a secret), or null.</param>
/// <param name="HaltedUntil">When the halt ends by itself; null: until an operator clears it.</param>
public sealed record LockoutGuardRecord(IReadOnlyList<DateTimeOffset> Failures, bool Halted, string? Reason, DateTimeOffset? HaltedUntil)
{
    /// <summary>No failure, no halt.</summary>
    public static LockoutGuardRecord Clear { get; } = new([], false, null, null);
}
