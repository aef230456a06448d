using Bulkhead.Kraken.Spot;

namespace Bulkhead.Sandbox.Keys;

/// <summary>What the admin API asks for when it makes a key.</summary>
/// <param name="Account">The owning account.</param>
/// <param name="Venue">Spot or Futures.</param>
/// <param name="Permissions">Spot permissions (Spot keys only).</param>
/// <param name="FuturesAccess">General API access (Futures keys only).</param>
/// <param name="FuturesWithdraw">Withdrawal API access (Futures keys only).</param>
/// <param name="NonceWindow">Nonce window (0: strictly increasing).</param>
/// <param name="IpAllowlist">CIDRs or addresses; empty: any.</param>
/// <param name="ExpiresAt">Expiry, if any.</param>
/// <param name="QueryStart">Query start limit, if any.</param>
/// <param name="QueryEnd">Query end limit, if any.</param>
public sealed record KeySpec(
    string Account,
    KeyVenue Venue,
    SpotPermission Permissions,
    FuturesAccess FuturesAccess,
    bool FuturesWithdraw,
    long NonceWindow,
    IReadOnlyList<string> IpAllowlist,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? QueryStart,
    DateTimeOffset? QueryEnd);
