using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Roles;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Fleet.Audit;

/// <summary>What a key holds and what the roles of its processes need.</summary>
public static class KeyPermissions
{
    /// <summary>What the processes using <paramref name="key"/> need, by their roles and transports.</summary>
    public static (SpotPermission Spot, FuturesPermission Futures) Needed(FleetManifest manifest, FleetKey key)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(key);
        var spot = SpotPermission.None;
        var futures = FuturesPermission.None;
        foreach (var process in manifest.ProcessesUsing(key.Name))
        {
            var (s, f) = RolePermissions.Of(process.Role).For(key.Venue, process.Transport);
            spot |= s;
            futures |= f;
        }

        if (futures.HasFlag(FuturesPermission.Full))
        {
            futures &= ~FuturesPermission.ReadOnly;
        }

        return (spot, futures);
    }

    /// <summary>What <paramref name="key"/> holds: its list, or for <c>permissions = "role"</c> what its processes need.</summary>
    public static (SpotPermission Spot, FuturesPermission Futures) Held(FleetManifest manifest, FleetKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.FromRole ? Needed(manifest, key) : (key.SpotPermissions, key.FuturesPermissions);
    }

    /// <summary>Kraken's names of the Spot permissions in <paramref name="set"/>, in Kraken's order.</summary>
    public static IReadOnlyList<string> Names(SpotPermission set) =>
        [.. SpotPermissions.All.Where(p => (set & p.Permission) != 0).Select(p => p.Name)];
}
