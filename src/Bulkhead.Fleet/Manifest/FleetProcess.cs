using System.Collections.Immutable;

namespace Bulkhead.Fleet.Manifest;

/// <summary>One <c>[processes.NAME]</c> table: a process of the fleet and the one key it uses.</summary>
/// <param name="Name">The process's name.</param>
/// <param name="Role">Its role, which decides its key's minimum permissions.</param>
/// <param name="Strategy">The strategy it serves (traders, flatteners; optional for replayers).</param>
/// <param name="Account">The account it works on: its strategy's account, or the one named in the table.</param>
/// <param name="Key">The key it uses (null: none declared, flagged by the audit).</param>
/// <param name="Hosts">Where it is expected to run (empty: anywhere).</param>
/// <param name="Location">Where the table was declared.</param>
public sealed record FleetProcess(
    string Name,
    FleetRole Role,
    string? Strategy,
    string Account,
    string? Key,
    ImmutableArray<string> Hosts,
    SourceLocation Location)
{
    /// <summary>
    /// Its transport (<c>transport = "rest" | "websocket"</c>; only traders, flatteners and dashboards stream). A streaming
    /// process's key is a Kraken API key (<c>venue = "spot"</c>, also for derivatives: the Unified WebSocket takes its
    /// token from Spot REST) that holds "Access WebSockets API". Not written: <c>websocket</c> for traders and flatteners
    /// unless the process's key is a Futures key, <c>rest</c> otherwise (the manifest reader decides).
    /// </summary>
    public ProcessTransport Transport { get; init; } = ProcessTransport.Rest;

    /// <summary>
    /// An external program run as this process (<c>command = ["python3", "bot.py"]</c>, any language): the worker serves
    /// it a gateway on loopback (docs/gateway.md) with a local credential in <c>KRAKEN_API_KEY</c>/<c>KRAKEN_API_SECRET</c>
    /// and the gateway's address in <c>KRAKEN_API_URL</c>/<c>KRAKEN_FUTURES_URL</c>, instead of running a built-in strategy.
    /// Empty: the process runs its role in the worker.
    /// </summary>
    public ImmutableArray<string> Command { get; init; } = [];

    /// <summary>True when the process is an external program behind a gateway.</summary>
    public bool IsExternal => !Command.IsDefaultOrEmpty;

    /// <summary>True when the process streams over Kraken's WebSockets.</summary>
    public bool Streams => Transport == ProcessTransport.WebSocket;

    /// <summary>The roles that may stream (the others only read or move funds, on REST).</summary>
    public static bool MayStream(FleetRole role) => role is FleetRole.Trader or FleetRole.Flattener or FleetRole.Dashboard;
}
