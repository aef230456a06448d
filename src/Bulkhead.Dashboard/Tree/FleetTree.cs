using System.Globalization;
using Bulkhead.Dashboard.Documents;
using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Supervisor;

namespace Bulkhead.Dashboard.Tree;

/// <summary>
/// Builds the tree: master → subaccounts (+ the master's own processes) → strategies (+ the subaccount's processes that
/// serve no strategy) → processes → key, each node with its health (<see cref="Health"/>).
/// </summary>
internal static class FleetTree
{
    public static MasterNode Build(TreeSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var manifest = sources.Manifest;
        var master = manifest.Master.Name;
        var children = new List<TreeNode>();
        children.AddRange(manifest.Subaccounts.Select(s => Account(sources, s)));
        children.AddRange(AccountChildren(sources, master));
        var detail = string.Create(CultureInfo.InvariantCulture, $"master · {manifest.Subaccounts.Length} subaccounts, {manifest.Processes.Length} processes");
        return new MasterNode("master:" + master, master, Health.Worst(children.Select(c => c.Health)), detail, children, "spot", sources.Headroom.GetValueOrDefault(master));
    }

    private static SubaccountNode Account(TreeSources sources, Subaccount subaccount)
    {
        var children = AccountChildren(sources, subaccount.Name);
        var venue = VenueText.Of(subaccount.Venue);
        var detail = subaccount.Mandate is { Length: > 0 } mandate ? $"{venue} · {mandate}" : venue;
        return new SubaccountNode("subaccount:" + subaccount.Name, subaccount.Name, Health.Worst(children.Select(c => c.Health)), detail, children, venue, sources.Headroom.GetValueOrDefault(subaccount.Name));
    }

    /// <summary>An account's strategies, then its processes that serve none of them.</summary>
    private static List<TreeNode> AccountChildren(TreeSources sources, string account)
    {
        var manifest = sources.Manifest;
        var strategies = manifest.Strategies.Where(s => s.Account == account).ToList();
        var names = strategies.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var nodes = new List<TreeNode>();
        foreach (var strategy in strategies)
        {
            var processes = manifest.Processes.Where(p => p.Strategy == strategy.Name).Select(p => Process(sources, p)).ToList<TreeNode>();
            var detail = $"{strategy.Kind} on {string.Join(", ", strategy.Pairs)}";
            nodes.Add(new StrategyNode("strategy:" + strategy.Name, strategy.Name, Health.Worst(processes.Select(p => p.Health)), detail, processes));
        }

        nodes.AddRange(manifest.Processes.Where(p => p.Account == account && (p.Strategy is null || !names.Contains(p.Strategy)) && !ServesOtherAccount(manifest, p, account)).Select(p => Process(sources, p)));
        return nodes;
    }

    /// <summary>A process whose strategy belongs to another account is shown under that strategy, not here.</summary>
    private static bool ServesOtherAccount(FleetManifest manifest, FleetProcess process, string account) =>
        process.Strategy is { } s && manifest.FindStrategy(s) is { } strategy && strategy.Account != account;

    private static ProcessNode Process(TreeSources sources, FleetProcess process)
    {
        var status = sources.Supervised.GetValueOrDefault(process.Name);
        var health = Health.Of(process, status, sources.Now);
        var role = process.Role.ToString().ToLowerInvariant();
        var state = status?.State.ToString().ToLowerInvariant() ?? "stopped";
        var key = process.Key is { } keyName ? Key(sources, keyName) : null;
        var lease = process.Key is { } k ? sources.Leases.GetValueOrDefault(k) : null;
        double? age = status?.LastHeartbeat is { } beat ? Math.Round((sources.Now - beat).TotalSeconds, 1) : null;
        return new ProcessNode(
            "process:" + process.Name,
            process.Name,
            health,
            Detail(process, status, role, state),
            key is null ? [] : [key],
            role,
            state,
            status?.Pid,
            status?.Restarts ?? 0,
            age,
            status?.HaltReason,
            status?.Heartbeat?.Guard,
            status?.Heartbeat?.LastNonceAt,
            lease)
        {
            Socket = status?.Heartbeat?.Socket is { } socket
                ? new SocketView(socket.State, socket.Venue, socket.Subscriptions, socket.LastMessageMs is { } ms ? Math.Round(ms / 1000d, 1) : null, socket.Reconnects, socket.BookResyncs)
                : null,
        };
    }

    private static string Detail(FleetProcess process, ProcessStatus? status, string role, string state)
    {
        if (status is null)
        {
            return Health.IsLongRunning(process.Role) ? $"{role}, not supervised by this run" : $"{role}, on demand";
        }

        var text = status.Pid is { } pid ? string.Create(CultureInfo.InvariantCulture, $"{role}, {state}, pid {pid}") : $"{role}, {state}";
        if (status.Restarts > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {status.Restarts} restart{(status.Restarts == 1 ? string.Empty : "s")}");
        }

        return status.HaltReason is { Length: > 0 } reason ? $"{text}: {reason}" : text;
    }

    private static KeyNode Key(TreeSources sources, string keyName)
    {
        var findings = sources.Findings.Where(f => f.Subject == "key " + keyName).ToList();
        var health = findings.Exists(f => f.Severity == FindingSeverity.Error) ? NodeHealth.Warn : NodeHealth.Ok;
        var detail = findings.Count switch
        {
            0 => string.Empty,
            1 => "1 audit finding",
            var n => string.Create(CultureInfo.InvariantCulture, $"{n} audit findings"),
        };
        var venue = sources.Manifest.FindKey(keyName) is { } key ? VenueText.Of(key.Venue) : "unknown";
        return new KeyNode("key:" + keyName, keyName, health, detail, [], venue, findings.Count, sources.KeyRest.TryGetValue(keyName, out var rest) ? rest : null);
    }
}
