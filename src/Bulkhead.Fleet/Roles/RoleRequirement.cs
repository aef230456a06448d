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
}
