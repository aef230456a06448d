using System.Collections.Immutable;
using System.Net;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Fleet.Manifest;

/// <summary>One <c>[keys.NAME]</c> table: an API key (its secret stays in the secrets store).</summary>
/// <param name="Name">The key's name (also its name in the secrets store and in the call journal).</param>
/// <param name="Account">The account the key belongs to.</param>
/// <param name="Venue">Spot or Futures.</param>
/// <param name="FromRole">True for <c>permissions = "role"</c>: exactly the minimum of the role of the process using it.</param>
/// <param name="SpotPermissions">Spot: the declared permissions (empty when <paramref name="FromRole"/>).</param>
/// <param name="FuturesPermissions">Futures: the declared permissions (None when <paramref name="FromRole"/>).</param>
/// <param name="IpAllowlist">Networks allowed to use the key (empty: any).</param>
/// <param name="Created">When the key was created.</param>
/// <param name="Expires">When it expires (null: never).</param>
/// <param name="Secret">Where its secret comes from: <c>store:NAME</c> or <c>env:VAR</c>.</param>
/// <param name="Environments">The environments the key exists in (empty: all).</param>
/// <param name="Location">Where the table was declared.</param>
public sealed record FleetKey(
    string Name,
    string Account,
    Venue Venue,
    bool FromRole,
    SpotPermission SpotPermissions,
    FuturesPermission FuturesPermissions,
    ImmutableArray<IPNetwork> IpAllowlist,
    DateOnly? Created,
    DateOnly? Expires,
    string Secret,
    ImmutableArray<string> Environments,
    SourceLocation Location)
{
    /// <summary>True when the key exists in <paramref name="environment"/>.</summary>
    public bool IsIn(string environment) => Environments.IsDefaultOrEmpty || Environments.Contains(environment, StringComparer.Ordinal);
}
