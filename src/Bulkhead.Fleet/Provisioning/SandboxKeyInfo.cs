using System.Collections.Immutable;

namespace Bulkhead.Fleet.Provisioning;

/// <summary>A key as the sandbox's admin API lists it (never its secret).</summary>
/// <param name="Key">The public API key.</param>
/// <param name="Account">Its account.</param>
/// <param name="Venue"><c>spot</c> or <c>futures</c>.</param>
/// <param name="Permissions">Spot: Kraken's permission names.</param>
/// <param name="Futures">Futures: <c>full</c>, <c>read-only</c> or <c>none</c>.</param>
/// <param name="Withdraw">Futures: withdrawal allowed.</param>
/// <param name="IpAllowlist">Allowed networks (empty: any).</param>
/// <param name="ExpiresAt">Expiry, if any.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
public sealed record SandboxKeyInfo(
    string Key,
    string Account,
    string Venue,
    ImmutableArray<string> Permissions,
    string? Futures,
    bool Withdraw,
    ImmutableArray<string> IpAllowlist,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt);
