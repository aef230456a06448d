using System.Collections.Immutable;

namespace Bulkhead.Fleet.Provisioning;

/// <summary>What to create: a key's account, venue, permissions, IP allowlist and expiry.</summary>
/// <param name="Account">The owning account.</param>
/// <param name="Venue"><c>spot</c> or <c>futures</c>.</param>
/// <param name="Permissions">Spot: Kraken's permission names.</param>
/// <param name="Futures">Futures: <c>full</c>, <c>read-only</c> or <c>none</c>.</param>
/// <param name="Withdraw">Futures: allow withdrawals.</param>
/// <param name="IpAllowlist">Allowed networks (empty: any).</param>
/// <param name="ExpiresAt">Expiry, if any.</param>
public sealed record SandboxKeyRequest(
    string Account,
    string Venue,
    ImmutableArray<string> Permissions,
    string? Futures,
    bool Withdraw,
    ImmutableArray<string> IpAllowlist,
    DateTimeOffset? ExpiresAt);
