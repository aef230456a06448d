using System.Collections.Immutable;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Roles;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Fleet.Audit;

/// <summary>Checks a valid manifest (and optionally the call journal) against the fleet's rules; see docs/fleet.md, "Audit findings".</summary>
public sealed partial class FleetAuditor(TimeProvider time)
{
    /// <summary>Every finding, errors first, then by line.</summary>
    public ImmutableArray<Finding> Audit(FleetManifest manifest, AuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        options ??= new AuditOptions();
        var findings = new List<Finding>();
        var keys = manifest.Keys.Where(k => options.Environment is null || k.IsIn(options.Environment)).ToList();
        Structure(manifest, findings);
        foreach (var key in keys)
        {
            Keys(manifest, key, options, findings);
        }

        if (options.Usage is { } usage)
        {
            Usage(manifest, keys, usage, options.LocalHost ?? System.Environment.MachineName, findings);
        }

        return [.. findings.OrderBy(f => f.Severity).ThenBy(f => f.Location.File, StringComparer.Ordinal).ThenBy(f => f.Location.Line).ThenBy(f => f.Code, StringComparer.Ordinal)];
    }

    private static void Structure(FleetManifest m, List<Finding> findings)
    {
        foreach (var s in m.Strategies.Where(s => m.IsMaster(s.Account)))
        {
            findings.Add(new(FindingSeverity.Error, FindingCodes.StrategyOnMaster, $"strategy {s.Name}", m.LocationOf($"strategies.{s.Name}.account", s.Location),
                $"strategy \"{s.Name}\" trades from the master account \"{s.Account}\"", "give it a subaccount of its own ([subaccounts.NAME]) and set account = \"NAME\""));
        }

        foreach (var group in m.Strategies.Where(s => !m.IsMaster(s.Account)).GroupBy(s => s.Account).Where(g => g.Count() > 1))
        {
            if (m.FindSubaccount(group.Key) is not { } sub || !(sub.SeparateCapital || sub.Risk?.Any == true))
            {
                continue;
            }

            var why = sub.SeparateCapital ? "separate_capital = true" : "risk limits are set";
            var names = string.Join(", ", group.Select(s => s.Name));
            foreach (var s in group)
            {
                findings.Add(new(FindingSeverity.Error, FindingCodes.SharedSubaccount, $"strategy {s.Name}", m.LocationOf($"strategies.{s.Name}.account", s.Location),
                    $"strategies {names} share subaccount \"{sub.Name}\" although its mandate requires its own capital ({why})", "give each strategy a subaccount of its own"));
            }
        }

        foreach (var p in m.Processes)
        {
            if (p.Key is null)
            {
                findings.Add(new(FindingSeverity.Error, FindingCodes.ProcessWithoutKey, $"process {p.Name}", p.Location,
                    $"process \"{p.Name}\" declares no key", $"add key = \"{p.Name}\" and a [keys.{p.Name}] table (one key per process)"));
            }

            if (p.Role == FleetRole.Trader && p.Strategy is null)
            {
                findings.Add(new(FindingSeverity.Error, FindingCodes.TraderWithoutStrategy, $"process {p.Name}", p.Location,
                    $"trader \"{p.Name}\" serves no strategy", "add strategy = \"NAME\" (a trader runs exactly one strategy)"));
            }

            if (m.Hosts.Length > 1 && p.Hosts.Distinct(StringComparer.Ordinal).Count() == 1)
            {
                findings.Add(new(FindingSeverity.Warning, FindingCodes.SingleHostProcess, $"process {p.Name}", m.LocationOf($"processes.{p.Name}.hosts", p.Location),
                    $"process \"{p.Name}\" may run only on host \"{p.Hosts[0]}\" although the fleet declares {m.Hosts.Length} hosts: if that host dies, nothing takes it over",
                    $"list a standby after it, in order of preference: hosts = [\"{p.Hosts[0]}\", \"{m.Hosts.First(h => h.Name != p.Hosts[0]).Name}\"]"));
            }

            if (RolePermissions.Of(p.Role).MasterOnly && !m.IsMaster(p.Account))
            {
                findings.Add(new(FindingSeverity.Error, FindingCodes.TreasuryNotOnMaster, $"process {p.Name}", m.LocationOf($"processes.{p.Name}.account", p.Location),
                    $"treasury \"{p.Name}\" works on subaccount \"{p.Account}\"; only the master can withdraw and create subaccounts", $"set account = \"{m.Master.Name}\" and use a master key"));
            }
        }
    }

    private void Keys(FleetManifest m, FleetKey key, AuditOptions options, List<Finding> findings)
    {
        var subject = $"key {key.Name}";
        var users = m.ProcessesUsing(key.Name).ToList();
        var permissionsAt = m.LocationOf($"keys.{key.Name}.permissions", key.Location);
        if (users.Count > 1)
        {
            findings.Add(new(FindingSeverity.Error, FindingCodes.KeyShared, subject, key.Location,
                $"key \"{key.Name}\" is used by {users.Count} processes ({string.Join(", ", users.Select(u => u.Name))}); they would fight over its nonce and its lease",
                "give each process a key of its own"));
        }
        else if (users.Count == 0)
        {
            findings.Add(new(FindingSeverity.Warning, FindingCodes.UnusedKey, subject, key.Location,
                $"no process uses key \"{key.Name}\"", "delete the key (in the manifest and at Kraken), or name it in a process"));
        }

        var (heldSpot, heldFutures) = KeyPermissions.Held(m, key);
        var streamers = users.Where(u => u.Streams).ToList();
        var needed = KeyPermissions.Needed(m, key);
        if (streamers.Count > 0 && key.Venue == Venue.Spot && (heldSpot & RoleRequirement.StreamingPermission) == 0)
        {
            // Without it GetWebSocketsToken fails and the process cannot stream at all: an error, not the warning below.
            findings.Add(new(FindingSeverity.Error, FindingCodes.StreamingWithoutWebSocketPermission, subject, permissionsAt,
                $"key \"{key.Name}\" lacks \"Access WebSockets API\", but {string.Join(", ", streamers.Select(u => $"\"{u.Name}\""))} stream(s) over WebSockets with it",
                "tick \"Access WebSockets API\" at Kraken and in the manifest (or write permissions = \"role\"), or give the process transport = \"rest\""));
            needed = (needed.Spot & ~RoleRequirement.StreamingPermission, needed.Futures);
        }

        if (streamers.Count == 0 && users.Count > 0 && key.Venue == Venue.Spot && (heldSpot & RoleRequirement.StreamingPermission) != 0)
        {
            // Reported once, as its own warning, rather than also as excess privilege: the permission only opens sockets.
            findings.Add(new(FindingSeverity.Warning, FindingCodes.WebSocketPermissionUnused, subject, permissionsAt,
                $"key \"{key.Name}\" holds \"Access WebSockets API\", but no process streams with it ({string.Join("; ", users.Select(NotStreaming))})",
                "untick \"Access WebSockets API\" at Kraken and in the manifest, or give the process transport = \"websocket\" if its role streams"));
            heldSpot &= ~RoleRequirement.StreamingPermission;
        }

        if (!key.FromRole && users.Count > 0)
        {
            Privilege(key, needed, (heldSpot, heldFutures), string.Join("/", users.Select(u => u.Role).Distinct()).ToLowerInvariant(), permissionsAt, findings);
        }

        var withdraws = heldSpot.HasFlag(SpotPermission.WithdrawFunds) || heldFutures.HasFlag(FuturesPermission.Withdrawal);
        var treasuryOnMaster = m.IsMaster(key.Account) && users.Count > 0 && users.All(u => u.Role == FleetRole.Treasury);
        if (withdraws && !treasuryOnMaster)
        {
            var where = m.IsMaster(key.Account) ? "a master key not used only by the treasury" : $"a key of subaccount \"{key.Account}\" (subaccounts cannot withdraw)";
            findings.Add(new(FindingSeverity.Error, FindingCodes.WithdrawalOutsideTreasury, subject, permissionsAt,
                $"key \"{key.Name}\" can withdraw, but it is {where}", "remove \"Withdraw Funds\" / \"withdrawal\"; only the treasury's key on the master may hold it"));
        }

        var production = m.Environments.Where(e => e.Kind == EnvironmentKind.Production && key.IsIn(e.Name) && (options.Environment is null || options.Environment == e.Name)).ToList();
        if (production.Count > 0 && key.IpAllowlist.IsDefaultOrEmpty)
        {
            findings.Add(new(FindingSeverity.Error, FindingCodes.NoIpAllowlist, subject, key.Location,
                $"key \"{key.Name}\" is used in production ({string.Join(", ", production.Select(e => e.Name))}) from any address", "set ip_allowlist = [\"ADDRESS/32\", …] to the hosts its process runs on"));
        }

        Allowlist(m, key, users, findings);
        Dates(m, key, options, findings);
    }

    private static string NotStreaming(FleetProcess process) =>
        !FleetProcess.MayStream(process.Role)
            ? $"\"{process.Name}\": a {process.Role.ToString().ToLowerInvariant()} works on REST only"
            : $"\"{process.Name}\": transport \"rest\"";

    /// <summary>Every egress address of every host a process of the key may run on must be allowed, or a failover there is refused.</summary>
    private static void Allowlist(FleetManifest m, FleetKey key, List<FleetProcess> users, List<Finding> findings)
    {
        if (key.IpAllowlist.IsDefaultOrEmpty || m.Hosts.IsEmpty)
        {
            return;
        }

        foreach (var host in users.SelectMany(m.HostsOf).Distinct())
        {
            var missing = host.Addresses.Where(a => !key.IpAllowlist.Any(n => n.Contains(a))).ToList();
            if (missing.Count > 0)
            {
                var processes = string.Join(", ", users.Where(u => m.HostsOf(u).Contains(host)).Select(u => $"\"{u.Name}\""));
                findings.Add(new(FindingSeverity.Error, FindingCodes.AllowlistMissesHost, $"key {key.Name}", m.LocationOf($"keys.{key.Name}.ip_allowlist", key.Location),
                    $"key \"{key.Name}\" does not allow {string.Join(", ", missing)} of host \"{host.Name}\", where {processes} may run: Kraken would refuse it there after a failover",
                    $"add {string.Join(", ", missing.Select(a => $"\"{a}/{(a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)}\""))} to ip_allowlist (at Kraken too), or remove the host from the process's hosts"));
            }
        }
    }

    private static void Privilege(FleetKey key, (SpotPermission Spot, FuturesPermission Futures) needed, (SpotPermission Spot, FuturesPermission Futures) held, string roles, SourceLocation at, List<Finding> findings)
    {
        var subject = $"key {key.Name}";
        var extraSpot = held.Spot & ~needed.Spot;
        var missingSpot = needed.Spot & ~held.Spot;
        var extraFutures = FuturesAccess.Describe(held.Futures & ~needed.Futures & ~(needed.Futures.HasFlag(FuturesPermission.Full) ? FuturesPermission.ReadOnly : 0));
        var missing = !FuturesAccess.Grants(held.Futures, needed.Futures);
        if (extraSpot != 0 || extraFutures != "none")
        {
            var extra = key.Venue == Venue.Spot ? string.Join(", ", KeyPermissions.Names(extraSpot).Select(n => $"\"{n}\"")) : extraFutures;
            findings.Add(new(FindingSeverity.Error, FindingCodes.ExcessPermissions, subject, at,
                $"key \"{key.Name}\" holds {extra} beyond what its role ({roles}) needs", "untick them at Kraken and in the manifest, or write permissions = \"role\""));
        }

        if (missingSpot != 0 || missing)
        {
            var lack = key.Venue == Venue.Spot ? string.Join(", ", KeyPermissions.Names(missingSpot).Select(n => $"\"{n}\"")) : FuturesAccess.Describe(needed.Futures);
            findings.Add(new(FindingSeverity.Warning, FindingCodes.MissingPermissions, subject, at,
                $"key \"{key.Name}\" lacks {lack}, which its role ({roles}) calls", "tick them at Kraken and in the manifest, or write permissions = \"role\""));
        }
    }

    private void Dates(FleetManifest m, FleetKey key, AuditOptions options, List<Finding> findings)
    {
        var subject = $"key {key.Name}";
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var warningDays = options.ExpiryWarningDays ?? m.Fleet.ExpiryWarningDays;
        if (key.Expires is { } expires)
        {
            var at = m.LocationOf($"keys.{key.Name}.expires", key.Location);
            if (expires <= today)
            {
                findings.Add(new(FindingSeverity.Error, FindingCodes.KeyExpired, subject, at,
                    $"key \"{key.Name}\" expired on {expires:yyyy-MM-dd}", "create a new key (see `bulkhead plan`), store its secret, update created and expires"));
            }
            else if (expires.DayNumber - today.DayNumber <= warningDays)
            {
                findings.Add(new(FindingSeverity.Warning, FindingCodes.KeyExpiring, subject, at,
                    $"key \"{key.Name}\" expires on {expires:yyyy-MM-dd}, in {expires.DayNumber - today.DayNumber} day(s) (warning period {warningDays} days)", "rotate it now: create its successor, store the secret, switch the process over"));
            }
        }

        if (key.Created is { } created)
        {
            var age = today.DayNumber - created.DayNumber;
            if (age > m.Fleet.RotationDays)
            {
                findings.Add(new(FindingSeverity.Warning, FindingCodes.KeyRotationDue, subject, m.LocationOf($"keys.{key.Name}.created", key.Location),
                    $"key \"{key.Name}\" is {age} days old; the rotation period is {m.Fleet.RotationDays} days", "rotate it: create a new key, `bulkhead secrets rotate`, update created"));
            }
        }
        else
        {
            findings.Add(new(FindingSeverity.Info, FindingCodes.KeyAgeUnknown, subject, key.Location,
                $"key \"{key.Name}\" has no created date, so its age cannot be checked", "add created = YYYY-MM-DD (Kraken shows it on the key's page)"));
        }
    }
}
