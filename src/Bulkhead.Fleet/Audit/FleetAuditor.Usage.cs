using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Roles;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Fleet.Audit;

public sealed partial class FleetAuditor
{
    private static void Usage(FleetManifest m, List<FleetKey> keys, IReadOnlyList<CallRecord> usage, string localHost, List<Finding> findings)
    {
        var period = usage.Count == 0 ? "the journal (empty)" : $"{usage.Min(r => r.Time):yyyy-MM-dd HH:mm} to {usage.Max(r => r.Time):yyyy-MM-dd HH:mm} UTC";
        foreach (var unknown in usage.Select(r => r.Key).OfType<string>().Distinct(StringComparer.Ordinal).Where(k => m.FindKey(k) is null))
        {
            findings.Add(new(FindingSeverity.Warning, FindingCodes.UnknownKeyInJournal, $"key {unknown}", SourceLocation.None(m.SourceFile),
                $"the journal shows calls with key \"{unknown}\", which the manifest does not declare", "declare the key, or find and revoke whatever uses it"));
        }

        foreach (var key in keys)
        {
            var subject = $"key {key.Name}";
            var records = usage.Where(r => r.Key == key.Name).ToList();
            var users = m.ProcessesUsing(key.Name).ToList();
            if (records.Count == 0)
            {
                findings.Add(new(FindingSeverity.Warning, FindingCodes.KeyIdle, subject, key.Location,
                    $"key \"{key.Name}\" made no call over {period}", "if it is not needed, revoke it; if its process did not run, ignore this"));
                continue;
            }

            foreach (var process in records.Select(r => r.Process).Distinct(StringComparer.Ordinal).Where(p => users.All(u => u.Name != p)))
            {
                findings.Add(new(FindingSeverity.Error, FindingCodes.UnexpectedProcess, subject, key.Location,
                    $"key \"{key.Name}\" was used by process \"{process}\", which the manifest does not give it to ({CountOf(records, r => r.Process == process)})",
                    "find that process and give it its own key; revoke this key if it leaked"));
            }

            var hosts = users.SelectMany(u => u.Hosts).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (hosts.Count > 0)
            {
                // The journal records machine names; a loopback entry means "this machine" (a single-host fleet).
                var allowed = hosts.Any(IsLoopback) ? hosts.Append(localHost).ToHashSet(StringComparer.OrdinalIgnoreCase) : hosts;
                foreach (var host in records.Select(r => r.Host).Distinct(StringComparer.OrdinalIgnoreCase).Where(h => !allowed.Contains(h)))
                {
                    findings.Add(new(FindingSeverity.Error, FindingCodes.UnexpectedHost, subject, key.Location,
                        $"key \"{key.Name}\" was used from host \"{host}\", not one of {string.Join(", ", hosts.Order(StringComparer.Ordinal))} ({CountOf(records, r => r.Host == host)})",
                        "if the move is intended, add the host to the process's hosts and the key's ip_allowlist; otherwise revoke the key"));
                }
            }

            Sockets(m, key, users, records, period, findings);
            Unused(m, key, users, records, period, findings);
        }
    }

    /// <summary>A streaming key whose journal shows no socket session (connect, subscribe, order, disconnect) never streamed.</summary>
    private static void Sockets(FleetManifest m, FleetKey key, List<FleetProcess> users, List<CallRecord> records, string period, List<Finding> findings)
    {
        var streamers = users.Where(u => u.Streams).ToList();
        if (streamers.Count == 0 || key.Venue != Venue.Spot || (KeyPermissions.Held(m, key).Spot & RoleRequirement.StreamingPermission) == 0 || records.Any(IsSocketSession))
        {
            return;
        }

        findings.Add(new(FindingSeverity.Warning, FindingCodes.WebSocketPermissionUnused, $"key {key.Name}", m.LocationOf($"keys.{key.Name}.permissions", key.Location),
            $"key \"{key.Name}\" holds \"Access WebSockets API\" for {string.Join(", ", streamers.Select(u => $"\"{u.Name}\""))}, but the journal records no socket session of it over {period}",
            "check the process runs on its socket (its status lines show the sockets); if it works on REST, give it transport = \"rest\" and untick the permission"));
    }

    /// <summary>The socket clients journal their sessions under the venues <c>spot-ws</c> and <c>unified-ws</c>.</summary>
    private static bool IsSocketSession(CallRecord record) => record.Venue.EndsWith("-ws", StringComparison.Ordinal);

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));

    private static void Unused(FleetManifest m, FleetKey key, List<FleetProcess> users, List<CallRecord> records, string period, List<Finding> findings)
    {
        var (heldSpot, heldFutures) = KeyPermissions.Held(m, key);
        string unused;
        if (key.Venue == Venue.Spot)
        {
            var used = SpotPermission.None;
            foreach (var r in records)
            {
                var method = r.Endpoint.Split('?')[0].TrimEnd('/').Split('/')[^1];
                if (SpotPermissions.TryGetRequired(method, out var p))
                {
                    used |= p.Value;
                }
            }

            // "Access WebSockets API" has its own rule (websocket-permission-unused), from the manifest and the socket sessions.
            unused = string.Join(", ", KeyPermissions.Names(heldSpot & ~used & ~RoleRequirement.StreamingPermission).Select(n => $"\"{n}\""));
        }
        else
        {
            var used = records.Aggregate(FuturesPermission.None, (all, r) => all | FuturesAccess.Required(r.Endpoint));
            var parts = new List<string>();
            if (heldFutures.HasFlag(FuturesPermission.Full) && !used.HasFlag(FuturesPermission.Full))
            {
                parts.Add(used.HasFlag(FuturesPermission.ReadOnly) ? "full (only read-only endpoints were called)" : "full");
            }
            else if (heldFutures.HasFlag(FuturesPermission.ReadOnly) && !heldFutures.HasFlag(FuturesPermission.Full) && (used & (FuturesPermission.ReadOnly | FuturesPermission.Full)) == 0)
            {
                parts.Add("read-only");
            }

            if (heldFutures.HasFlag(FuturesPermission.Withdrawal) && !used.HasFlag(FuturesPermission.Withdrawal))
            {
                parts.Add("withdrawal");
            }

            unused = string.Join(", ", parts);
        }

        if (unused.Length == 0)
        {
            return;
        }

        // Emergency roles hold permissions for the day they are needed: an unused one is expected there.
        var emergency = users.Count > 0 && users.All(u => u.Role is FleetRole.Flattener or FleetRole.Treasury);
        findings.Add(new(emergency ? FindingSeverity.Info : FindingSeverity.Warning, FindingCodes.UnusedPermission, $"key {key.Name}", m.LocationOf($"keys.{key.Name}.permissions", key.Location),
            $"key \"{key.Name}\" holds {unused} but never used it over {period}", emergency
                ? "expected for an emergency role (it acts rarely); keep it if the role still needs it"
                : "remove what it does not need (excess privilege), or check the journal covers a representative period"));
    }

    private static string CountOf(List<CallRecord> records, Func<CallRecord, bool> which)
    {
        var matching = records.Where(which).ToList();
        return $"{matching.Count} call(s), first {matching.Min(r => r.Time):yyyy-MM-dd HH:mm:ss} UTC";
    }
}
