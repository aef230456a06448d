using System.Collections.Immutable;

namespace Bulkhead.Fleet.Manifest;

/// <summary>A whole, valid fleet manifest (<c>fleet.toml</c>), as loaded by <see cref="ManifestLoader"/>. Lists keep declaration order.</summary>
/// <param name="SourceFile">The manifest's path.</param>
/// <param name="Fleet">The <c>[fleet]</c> table.</param>
/// <param name="Environments">The environments.</param>
/// <param name="Master">The master account.</param>
/// <param name="Subaccounts">The subaccounts.</param>
/// <param name="Strategies">The strategies.</param>
/// <param name="Processes">The processes.</param>
/// <param name="Keys">The keys.</param>
public sealed record FleetManifest(
    string SourceFile,
    FleetSettings Fleet,
    ImmutableArray<FleetEnvironment> Environments,
    MasterAccount Master,
    ImmutableArray<Subaccount> Subaccounts,
    ImmutableArray<Strategy> Strategies,
    ImmutableArray<FleetProcess> Processes,
    ImmutableArray<FleetKey> Keys)
{
    /// <summary>The <c>[hosts.NAME]</c> tables (empty: hosts are free-form machine names, a single-host fleet).</summary>
    public ImmutableArray<FleetHost> Hosts { get; init; } = [];

    /// <summary>
    /// The declared hosts <paramref name="process"/> may run on, in its order of preference: its <c>hosts</c>, or every
    /// declared host when it names none (empty when the manifest declares no <c>[hosts]</c>).
    /// </summary>
    public IEnumerable<FleetHost> HostsOf(FleetProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Hosts.IsDefaultOrEmpty ? Hosts : process.Hosts.Select(FindHost).OfType<FleetHost>();
    }

    /// <summary>The host named <paramref name="name"/>, or null.</summary>
    public FleetHost? FindHost(string name) => Hosts.FirstOrDefault(h => h.Name == name);

    /// <summary>The <c>[[alerts]]</c> rules, in declaration order.</summary>
    public ImmutableArray<AlertRule> Alerts { get; init; } = [];

    /// <summary>The <c>[alerting]</c> table (webhooks, dead-letter file, evaluation interval).</summary>
    public AlertingSettings Alerting { get; init; } = AlertingSettings.Default;

    /// <summary>Where each key of the manifest was written, by dotted path (e.g. <c>keys.mm-trader.permissions</c>).</summary>
    public ImmutableDictionary<string, SourceLocation> Locations { get; init; } = ImmutableDictionary<string, SourceLocation>.Empty;

    /// <summary>Where the key at <paramref name="path"/> was written, else <paramref name="fallback"/>.</summary>
    public SourceLocation LocationOf(string path, SourceLocation fallback) => Locations.TryGetValue(path, out var at) ? at : fallback;

    /// <summary>The folder relative paths in the manifest are resolved against.</summary>
    public string BaseDirectory => Path.GetDirectoryName(Path.GetFullPath(SourceFile)) ?? ".";

    /// <summary>The environment named <paramref name="name"/>, or null.</summary>
    public FleetEnvironment? FindEnvironment(string name) => Environments.FirstOrDefault(e => e.Name == name);

    /// <summary>The subaccount named <paramref name="name"/>, or null (also null for the master).</summary>
    public Subaccount? FindSubaccount(string name) => Subaccounts.FirstOrDefault(s => s.Name == name);

    /// <summary>The strategy named <paramref name="name"/>, or null.</summary>
    public Strategy? FindStrategy(string name) => Strategies.FirstOrDefault(s => s.Name == name);

    /// <summary>The process named <paramref name="name"/>, or null.</summary>
    public FleetProcess? FindProcess(string name) => Processes.FirstOrDefault(p => p.Name == name);

    /// <summary>The key named <paramref name="name"/>, or null.</summary>
    public FleetKey? FindKey(string name) => Keys.FirstOrDefault(k => k.Name == name);

    /// <summary>True when <paramref name="account"/> is the master account's name.</summary>
    public bool IsMaster(string account) => account == Master.Name;

    /// <summary>The processes that use the key named <paramref name="keyName"/>.</summary>
    public IEnumerable<FleetProcess> ProcessesUsing(string keyName) => Processes.Where(p => p.Key == keyName);
}
