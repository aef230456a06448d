using System.Collections.Immutable;

namespace Bulkhead.Fleet.Manifest.Internal;

internal static partial class ManifestReader
{
    /// <summary>References between tables: accounts, strategies, keys and environments must exist and agree.</summary>
    private static void CrossCheck(FleetManifest m, ImmutableArray<FleetProcess> declared, TableReader root)
    {
        var accounts = m.Subaccounts.Select(s => s.Name).Prepend(m.Master.Name).Where(n => n.Length > 0).ToArray();
        var at = (string path, SourceLocation fallback) => m.LocationOf(path, fallback);

        foreach (var sub in m.Subaccounts.Where(s => s.Name == m.Master.Name))
        {
            root.Error(sub.Location, $"subaccount \"{sub.Name}\" has the master account's name", "give the subaccount a name of its own");
        }

        foreach (var s in m.Strategies.Where(s => s.Account.Length > 0 && !accounts.Contains(s.Account)))
        {
            root.Error(at($"strategies.{s.Name}.account", s.Location), $"strategy \"{s.Name}\" trades from unknown account \"{s.Account}\"",
                Suggest.Fix(s.Account, accounts, "accounts (the master and the subaccounts)"));
        }

        foreach (var k in m.Keys)
        {
            if (k.Account.Length > 0 && !accounts.Contains(k.Account))
            {
                root.Error(at($"keys.{k.Name}.account", k.Location), $"key \"{k.Name}\" belongs to unknown account \"{k.Account}\"",
                    Suggest.Fix(k.Account, accounts, "accounts (the master and the subaccounts)"));
            }

            foreach (var e in k.Environments.Where(e => m.FindEnvironment(e) is null))
            {
                root.Error(at($"keys.{k.Name}.environments", k.Location), $"key \"{k.Name}\" names unknown environment \"{e}\"",
                    Suggest.Fix(e, [.. m.Environments.Select(x => x.Name)], "environments"));
            }
        }

        foreach (var p in declared)
        {
            var strategy = p.Strategy is null ? null : m.FindStrategy(p.Strategy);
            if (p.Strategy is not null && strategy is null)
            {
                root.Error(at($"processes.{p.Name}.strategy", p.Location), $"process \"{p.Name}\" serves unknown strategy \"{p.Strategy}\"",
                    Suggest.Fix(p.Strategy, [.. m.Strategies.Select(s => s.Name)], "strategies"));
            }

            if (p.Account.Length > 0 && !accounts.Contains(p.Account))
            {
                root.Error(at($"processes.{p.Name}.account", p.Location), $"process \"{p.Name}\" works on unknown account \"{p.Account}\"",
                    Suggest.Fix(p.Account, accounts, "accounts (the master and the subaccounts)"));
            }
            else if (p.Account.Length > 0 && strategy is not null && strategy.Account != p.Account)
            {
                root.Error(at($"processes.{p.Name}.account", p.Location), $"process \"{p.Name}\" names account \"{p.Account}\" but its strategy \"{strategy.Name}\" trades from \"{strategy.Account}\"",
                    "remove account (a process works on its strategy's account)");
            }

            var key = p.Key is null ? null : m.FindKey(p.Key);
            if (p.Key is not null && key is null)
            {
                root.Error(at($"processes.{p.Name}.key", p.Location), $"process \"{p.Name}\" uses unknown key \"{p.Key}\"",
                    Suggest.Fix(p.Key, [.. m.Keys.Select(k => k.Name)], "keys"));
            }

            if (key is not null && p.Streams && key.Venue == Venue.Futures)
            {
                root.Error(at($"processes.{p.Name}.transport", p.Location), $"process \"{p.Name}\" streams over WebSockets but its key \"{key.Name}\" is a Futures key",
                    $"the Unified WebSocket takes a token from Spot REST GetWebSocketsToken: give it a Kraken API key (venue = \"spot\" in [keys.{key.Name}]), or write transport = \"rest\"");
            }

            if (key is not null && !p.Streams && key.Venue == Venue.Spot && m.FindSubaccount(key.Account)?.Venue == Venue.Futures && p.Role is FleetRole.Trader or FleetRole.Flattener)
            {
                root.Error(at($"processes.{p.Name}.transport", p.Location), $"process \"{p.Name}\" trades derivatives on REST but its key \"{key.Name}\" is a Kraken API key",
                    $"a Kraken API key trades a derivatives account only over the Unified WebSocket: remove transport = \"rest\", or give it a Futures key (venue = \"futures\" in [keys.{key.Name}])");
            }

            var resolved = m.FindProcess(p.Name)?.Account ?? "";
            if (key is not null && resolved.Length > 0 && key.Account != resolved && accounts.Contains(resolved))
            {
                root.Error(at($"processes.{p.Name}.key", p.Location), $"process \"{p.Name}\" works on account \"{resolved}\" but its key \"{key.Name}\" belongs to \"{key.Account}\"",
                    $"use a key of account \"{resolved}\" (one key per process, on the process's account)");
            }

            if (!m.Hosts.IsEmpty)
            {
                foreach (var host in p.Hosts.Where(h => m.FindHost(h) is null))
                {
                    root.Error(at($"processes.{p.Name}.hosts", p.Location), $"process \"{p.Name}\" may run on unknown host \"{host}\"",
                        Suggest.Fix(host, [.. m.Hosts.Select(h => h.Name)], "hosts (the [hosts.NAME] tables)"));
                }
            }

            if (resolved.Length == 0 && p.Strategy is null && p.Key is null)
            {
                root.Error(p.Location, $"process \"{p.Name}\" has no account", $"add strategy = \"…\" or account = \"{m.Master.Name}\"");
            }
        }
    }
}
