using System.Collections.Immutable;
using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Provisioning.Internal;

/// <summary>A manifest key as an admin-API key request, and how an existing key differs from it.</summary>
internal static class KeyRequests
{
    public static SandboxKeyRequest For(FleetManifest manifest, FleetKey key)
    {
        var (spot, futures) = KeyPermissions.Held(manifest, key);
        var ips = key.IpAllowlist.IsDefault ? [] : key.IpAllowlist.Select(n => n.ToString()).ToImmutableArray();
        DateTimeOffset? expires = key.Expires is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        return key.Venue == Venue.Spot
            ? new SandboxKeyRequest(key.Account, "spot", [.. KeyPermissions.Names(spot)], null, false, ips, expires)
            : new SandboxKeyRequest(key.Account, "futures", [], FuturesName(futures), futures.HasFlag(FuturesPermission.Withdrawal), ips, expires);
    }

    public static List<string> Differences(SandboxKeyInfo existing, SandboxKeyRequest want)
    {
        var differences = new List<string>();
        if (existing.Venue != want.Venue)
        {
            differences.Add($"venue {existing.Venue}, manifest {want.Venue}");
            return differences;
        }

        if (want.Venue == "spot" && !existing.Permissions.ToHashSet(StringComparer.Ordinal).SetEquals(want.Permissions))
        {
            differences.Add($"permissions [{string.Join(", ", existing.Permissions)}], manifest [{string.Join(", ", want.Permissions)}]");
        }

        if (want.Venue == "futures" && ((existing.Futures ?? "none") != want.Futures || existing.Withdraw != want.Withdraw))
        {
            differences.Add($"futures {existing.Futures ?? "none"}{(existing.Withdraw ? " + withdrawal" : "")}, manifest {want.Futures}{(want.Withdraw ? " + withdrawal" : "")}");
        }

        if (!existing.IpAllowlist.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(want.IpAllowlist))
        {
            differences.Add($"IP allowlist [{string.Join(", ", existing.IpAllowlist)}], manifest [{string.Join(", ", want.IpAllowlist)}]");
        }

        if (existing.ExpiresAt != want.ExpiresAt)
        {
            differences.Add($"expiry {Date(existing.ExpiresAt)}, manifest {Date(want.ExpiresAt)}");
        }

        return differences;
    }

    public static string Describe(SandboxKeyRequest want)
    {
        var permissions = want.Venue == "spot"
            ? (want.Permissions.IsEmpty ? "no permissions" : string.Join(", ", want.Permissions))
            : $"futures {want.Futures}{(want.Withdraw ? " + withdrawal" : "")}";
        var ips = want.IpAllowlist.IsEmpty ? "any IP" : string.Join(", ", want.IpAllowlist);
        return $"{permissions}; {ips}; expires {Date(want.ExpiresAt)}";
    }

    private static string FuturesName(FuturesPermission futures) =>
        futures.HasFlag(FuturesPermission.Full) ? "full" : futures.HasFlag(FuturesPermission.ReadOnly) ? "read-only" : "none";

    private static string Date(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "never";
}
