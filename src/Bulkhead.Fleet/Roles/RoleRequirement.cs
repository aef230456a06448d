using System.Collections.Immutable;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Fleet.Roles;

/// <summary>One row of the role table: what a role calls, and the minimum permissions that follow.</summary>
/// <param name="Role">The role.</param>
/// <param name="Purpose">What a process of this role does.</param>
/// <param name="SpotMethods">The private Spot methods it calls.</param>
/// <param name="FuturesEndpoints">The private Futures endpoints it calls (paths under <c>/derivatives/api/v3/</c>).</param>
/// <param name="MasterOnly">True when the role may only run on the master account.</param>
public sealed record RoleRequirement(
    FleetRole Role,
    string Purpose,
    ImmutableArray<string> SpotMethods,
    ImmutableArray<string> FuturesEndpoints,
    bool MasterOnly)
{
    /// <summary>The Spot permissions its methods need (SpotPermissions' method table).</summary>
    public SpotPermission Spot => SpotMethods.Aggregate(SpotPermission.None, (all, m) =>
        SpotPermissions.TryGetRequired(m, out var p) ? all | p.Value : throw new InvalidOperationException($"{m} is not a private Spot method"));

    /// <summary>The Futures permissions its endpoints need.</summary>
    public FuturesPermission Futures => FuturesEndpoints.Aggregate(FuturesPermission.None, (all, e) => all | FuturesAccess.Required(e));

    /// <summary>The minimum permissions for a key on <paramref name="venue"/>.</summary>
    public (SpotPermission Spot, FuturesPermission Futures) For(Venue venue) =>
        venue == Venue.Spot ? (Spot, FuturesPermission.None) : (SpotPermission.None, Futures);

    /// <summary>
    /// The minimum permissions for a key on <paramref name="venue"/> of a process on <paramref name="transport"/>: a
    /// streaming process also calls <c>GetWebSocketsToken</c> ("Access WebSockets API"). Its socket requests need the
    /// permissions of their REST equivalents (executions → OpenOrders, add_order → AddOrder, positions → OpenPositions,
    /// margin → TradeBalance, …), which its role's Spot methods already hold; a streaming derivatives trader therefore
    /// needs its role's Spot permissions on a Kraken API key, not Futures ones.
    /// </summary>
    public (SpotPermission Spot, FuturesPermission Futures) For(Venue venue, ProcessTransport transport) =>
        transport == ProcessTransport.WebSocket && venue == Venue.Spot ? (Spot | StreamingPermission, FuturesPermission.None) : For(venue);

    /// <summary>What streaming adds: the permission of <c>GetWebSocketsToken</c>.</summary>
    public static SpotPermission StreamingPermission =>
        SpotPermissions.TryGetRequired("GetWebSocketsToken", out var p) ? p.Value : throw new InvalidOperationException("GetWebSocketsToken is not a private Spot method");
}
