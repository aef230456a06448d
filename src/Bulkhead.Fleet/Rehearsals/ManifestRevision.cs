using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Rehearsals;

/// <summary>
/// A manifest's revision as the rule "test in UAT before production" sees it: a hash over what decides how the fleet
/// touches the exchange — its processes (name, role, strategy, account, key, hosts, transport, and an external process's command), its keys' permissions,
/// accounts, venues and IP allowlists, and its hosts with their addresses. Environment-specific values are left out
/// (environments and their URLs, secrets and where they live, key creation and expiry dates, sandbox funding), and so are
/// strategy parameters and risk limits, which are tuned between runs without changing who may call what from where.
/// Two manifests with the same revision run the same processes with the same keys from the same hosts.
/// </summary>
public static class ManifestRevision
{
    /// <summary>The revision of <paramref name="manifest"/>: 16 lowercase hex digits of a SHA-256 over <see cref="Canonical"/>.</summary>
    public static string Of(FleetManifest manifest)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(manifest)));
        return Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

    /// <summary>The text the revision hashes: one line per process, key and host, in name order.</summary>
    public static string Canonical(FleetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"fleet {manifest.Fleet.Name}\n");
        foreach (var p in manifest.Processes.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"process {p.Name} role={p.Role} strategy={p.Strategy} account={p.Account} key={p.Key} transport={p.Transport} hosts={string.Join(',', p.Hosts.IsDefault ? [] : p.Hosts)}{(p.IsExternal ? " command=" + string.Join(' ', p.Command) : string.Empty)}\n");
        }

        foreach (var k in manifest.Keys.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var (spot, futures) = KeyPermissions.Held(manifest, k);
            IEnumerable<string> allowlist = k.IpAllowlist.IsDefault ? [] : k.IpAllowlist.Select(n => n.ToString()).Order(StringComparer.Ordinal);
            text.Append(CultureInfo.InvariantCulture,
                $"key {k.Name} account={k.Account} venue={k.Venue} spot={string.Join(',', KeyPermissions.Names(spot))} futures={futures} allowlist={string.Join(',', allowlist)}\n");
        }

        foreach (var h in manifest.Hosts.OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"host {h.Name} addresses={string.Join(',', h.Addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal))}\n");
        }

        return text.ToString();
    }
}
