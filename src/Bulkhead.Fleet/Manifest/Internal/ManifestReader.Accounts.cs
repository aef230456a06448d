using System.Collections.Immutable;
using Tomlyn.Syntax;

namespace Bulkhead.Fleet.Manifest.Internal;

internal static partial class ManifestReader
{
    private static readonly string[] Venues = ["spot", "futures"];
    private static readonly string[] Roles = ["trader", "dashboard", "reconciler", "flattener", "replayer", "treasury"];
    private static readonly string[] Transports = ["rest", "websocket"];

    private static ImmutableArray<Subaccount> ReadSubaccounts(TableReader root)
    {
        var result = ImmutableArray.CreateBuilder<Subaccount>();
        if (root.SubTable("subaccounts", false, "[subaccounts.mm] venue = \"spot\"") is not { } table)
        {
            return [];
        }

        foreach (var (name, t) in table.Children())
        {
            var venue = Enum<Venue>(t, "venue", true, Venues) ?? Venue.Spot;
            var mandate = t.String("mandate", false, "\"Market making XBT/USD\"");
            var separate = t.Boolean("separate_capital") ?? false;
            RiskLimits? risk = null;
            if (t.SubTable("risk", false, "{ max_position = \"0.5\" }") is { } r)
            {
                risk = new RiskLimits(r.Decimal("max_position", "\"0.5\""), r.Decimal("max_notional_usd", "\"50000\""), r.Decimal("max_drawdown_usd", "\"2000\""));
                r.RejectUnknown();
            }

            var funding = Funding(t);
            var iiban = t.String("iiban", false, "\"AA12 N84G HKCE 3DSH\"");
            t.RejectUnknown();
            result.Add(new Subaccount(name, venue, mandate, separate, risk, t.Location) { Funding = funding, Iiban = iiban });
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<Strategy> ReadStrategies(TableReader root)
    {
        var result = ImmutableArray.CreateBuilder<Strategy>();
        if (root.SubTable("strategies", false, "[strategies.mm] account = \"mm\"") is not { } table)
        {
            return [];
        }

        foreach (var (name, t) in table.Children())
        {
            var account = t.String("account", true, "\"mm\"") ?? "";
            // A built-in kind, or a strategy from the user's own assembly: strategy = { assembly = "PATH", type = "NS.Type" }.
            StrategyAssembly? own = null;
            if (t.SubTable("strategy", false, "{ assembly = \"strategies/Desk.Strategies.dll\", type = \"Desk.Strategies.Twap\" }") is { } user)
            {
                var assembly = user.String("assembly", true, "\"strategies/Desk.Strategies.dll\"");
                var type = user.String("type", true, "\"Desk.Strategies.Twap\"");
                user.RejectUnknown();
                if (assembly is { Length: > 0 } && type is { Length: > 0 })
                {
                    own = new StrategyAssembly(assembly, type);
                }
            }

            var kind = own is null
                ? t.String("kind", true, "\"spot-market-maker\", or strategy = { assembly = \"…\", type = \"…\" } for your own") ?? ""
                : own.Type;
            if (own is not null && t.Entry("kind") is { } both)
            {
                t.Error(both.Location, $"[strategies.{name}] has both kind and strategy", "keep kind for a built-in strategy, or strategy = { assembly, type } for your own");
            }

            var pairs = t.Strings("pairs", "[\"XBTUSD\"]").Select(p => p.Value).ToImmutableArray();
            var parameters = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            if (t.SubTable("params", false, "{ spread_bps = \"20\" }") is { } p)
            {
                foreach (var entry in p.Table.Entries)
                {
                    p.Entry(entry.Name);
                    var text = entry.Value switch
                    {
                        StringValueSyntax s => s.Value,
                        IntegerValueSyntax or FloatValueSyntax or BooleanValueSyntax => ((ValueSyntax)entry.Value).ToString()?.Trim(),
                        _ => null,
                    };
                    if (text is null)
                    {
                        p.Error(entry.Location, $"strategies.{name}.params.{entry.Name} must be a string, number or boolean", $"write e.g. {entry.Name} = \"20\"");
                    }
                    else
                    {
                        parameters[entry.Name] = text;
                    }
                }
            }

            t.RejectUnknown();
            result.Add(new Strategy(name, account, kind, pairs, parameters.ToImmutable(), t.Location) { Assembly = own });
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<FleetProcess> ReadProcesses(TableReader root, ImmutableArray<FleetKey> keys)
    {
        var result = ImmutableArray.CreateBuilder<FleetProcess>();
        if (root.SubTable("processes", false, "[processes.mm-trader] role = \"trader\"") is not { } table)
        {
            return [];
        }

        foreach (var (name, t) in table.Children())
        {
            var role = Enum<FleetRole>(t, "role", true, Roles) ?? FleetRole.Dashboard;
            var strategy = t.String("strategy", false, "\"mm\"");
            var account = t.String("account", false, "\"desk\"");
            var key = t.String("key", false, $"\"{name}\"");
            var hosts = t.Strings("hosts", "[\"127.0.0.1\"]").Select(h => h.Value).ToImmutableArray();
            var reported = t.Problems.Count;
            var command = t.Strings("command", "[\"python3\", \"bot.py\"]").Select(c => c.Value).ToImmutableArray();
            if (t.Problems.Count == reported && t.Table.Find("command") is not null && (command.IsEmpty || command[0].Length == 0))
            {
                t.Error(t.LocationOf("command"), $"processes.{name}.command names no program", "write the program and its arguments, e.g. command = [\"python3\", \"bot.py\"]");
            }

            // An external program brings its own transport (the gateway serves it REST): it never defaults to streaming.
            var transport = Enum<ProcessTransport>(t, "transport", false, Transports)
                ?? (command.IsEmpty ? DefaultTransport(role, keys.FirstOrDefault(k => k.Name == key)) : ProcessTransport.Rest);
            if (transport == ProcessTransport.WebSocket && !FleetProcess.MayStream(role))
            {
                t.Error(t.LocationOf("transport"), $"processes.{name}.transport \"websocket\": a {Roles[(int)role]} works on REST only",
                    "remove transport (only traders, flatteners and dashboards stream)");
            }

            if (!command.IsEmpty && transport == ProcessTransport.WebSocket)
            {
                t.Error(t.LocationOf("transport"), $"processes.{name}: an external command brings its own transport", "remove transport (the gateway serves REST; docs/gateway.md)");
            }

            t.RejectUnknown();
            result.Add(new FleetProcess(name, role, strategy, account ?? "", key, hosts, t.Location) { Transport = transport, Command = command });
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The transport of a process that writes none: WebSockets for traders and flatteners, unless the key is a Futures key
    /// (it cannot take a WebSocket token, so such a process keeps polling Futures REST until it gets a Kraken API key);
    /// REST for every other role (a dashboard's monitor reads REST; it streams only when its table says so).
    /// </summary>
    private static ProcessTransport DefaultTransport(FleetRole role, FleetKey? key) =>
        role is FleetRole.Trader or FleetRole.Flattener && key?.Venue != Venue.Futures ? ProcessTransport.WebSocket : ProcessTransport.Rest;

    /// <summary>A process's account: the one it names, else its strategy's, else its key's.</summary>
    private static ImmutableArray<FleetProcess> ResolveAccounts(ImmutableArray<FleetProcess> processes, ImmutableArray<Strategy> strategies, ImmutableArray<FleetKey> keys) =>
    [
        .. processes.Select(p => p.Account.Length > 0 ? p : p with
        {
            Account = strategies.FirstOrDefault(s => s.Name == p.Strategy)?.Account ?? keys.FirstOrDefault(k => k.Name == p.Key)?.Account ?? "",
        }),
    ];
}
