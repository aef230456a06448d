using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Limits;
using Bulkhead.Kraken.Nonces;

namespace Bulkhead.Fleet.Sessions;

/// <summary>How <see cref="ProcessSession.Open"/> opens a manifest process's key.</summary>
public sealed record ProcessSessionOptions
{
    /// <summary>The lease's default time to live; the keeper renews it at a third of this.</summary>
    public static readonly TimeSpan DefaultLeaseTtl = TimeSpan.FromSeconds(15);

    /// <summary>The environment variable that overrides the host name a lease records (default: the machine's name).</summary>
    public const string HostVariable = "BULKHEAD_HOST";

    /// <summary>
    /// Kept off the Spot REST counter's maximum, so calls that reach the exchange in another order or at other times than
    /// they were booked (concurrent calls of a process) never take the exchange's counter over.
    /// </summary>
    public const decimal BudgetMargin = 1m;

    /// <summary>The clock.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Reads an environment variable (secrets <c>env:NAME</c>, the secrets key, <see cref="HostVariable"/>).</summary>
    public required Func<string, string?> GetVariable { get; init; }

    /// <summary>The environment to run in; null: the manifest's default environment.</summary>
    public string? Environment { get; init; }

    /// <summary>The account's Kraken verification tier (sets the rate budgets); null: the manifest's <c>[master] tier</c>.</summary>
    public SpotTier? Tier { get; init; }

    /// <summary>The lease's time to live.</summary>
    public TimeSpan LeaseTtl { get; init; } = DefaultLeaseTtl;

    /// <summary>How the key's nonce source counts and reserves its high-water mark (defaults: microseconds, 30 s ahead).</summary>
    public NonceOptions Nonces { get; init; } = new();

    /// <summary>The lockout guard's settings (defaults: halt after 3 authentication failures in 10 minutes).</summary>
    public LockoutGuardOptions Guard { get; init; } = new();
}
