using System.Globalization;
using Bulkhead.Sandbox.Ledger;
using Shouldly;

namespace Bulkhead.Sandbox.Tests.Storage;

/// <summary>Everything an exchange holds, as comparable text (decimals keep their scale), and the ledger's invariants.</summary>
internal static class ExchangeState
{
    public static IReadOnlyList<string> Of(SandboxExchange exchange)
    {
        var lines = new List<string>();
        lines.AddRange(exchange.Accounts.Select(a => string.Create(CultureInfo.InvariantCulture,
            $"account {a.Name} {a.Master} {a.Iiban} {a.FuturesUid} {a.CreatedAt:O} {a.FuturesTradingEnabled} {a.VolumeUsd30d}")));
        lines.AddRange(exchange.Keys(null).Select(k => string.Create(CultureInfo.InvariantCulture,
            $"key {k.Key} {Convert.ToBase64String(k.Secret)} {k.Account} {k.Venue} {k.Permissions} {k.FuturesAccess} {k.FuturesWithdraw} {k.NonceWindow} [{string.Join(',', k.IpAllowlist)}] {k.ExpiresAt:O} {k.QueryStart:O} {k.QueryEnd:O} {k.CreatedAt:O} {k.RevokedAt:O} nonce {exchange.NonceHighWater(k.Key)}")));
        lines.AddRange(exchange.AllEntries().Select(e => string.Create(CultureInfo.InvariantCulture,
            $"entry {e.Sequence} {e.Id} {e.RefId} {e.Time:O} {e.Account} {e.Wallet} {e.Asset} {e.Amount} {e.Fee} {e.Balance} {e.Type}")));
        lines.AddRange(exchange.AllOrders().Select(o => string.Create(CultureInfo.InvariantCulture,
            $"order {o.Id} {o.EngineId} {o.Account} {o.Venue} {o.Symbol} {o.Side} {o.Kind} {o.Price} {o.Volume} {o.Executed} {o.Cost} {o.Fee} {o.Status} {o.OpenedAt:O} {o.ClosedAt:O} {o.UserRef} {o.ClientOrderId} {o.Flags} {o.TimeInForce} {o.ExpiresAt:O} {o.SelfTrade} {o.ReduceOnly} {o.Reason} {o.Hold} {o.HoldAsset} {o.FeeCap} {o.FeeAsset} {o.Priority}")));
        lines.AddRange(exchange.AllTrades().Select(t => string.Create(CultureInfo.InvariantCulture,
            $"trade {t.Sequence} {t.Id} {t.OrderId} {t.Account} {t.Venue} {t.Symbol} {t.Side} {t.Kind} {t.Price} {t.Volume} {t.Cost} {t.Fee} {t.FeeAsset} {t.IsMaker} {t.Time:O} {t.UsdVolume}")));
        return lines;
    }

    /// <summary>Balances never negative (now and after every entry), every refid balanced, totals conserved.</summary>
    public static void ShouldHoldInvariants(SandboxExchange exchange)
    {
        foreach (var account in exchange.Accounts)
        {
            foreach (var wallet in Enum.GetValues<Wallet>())
            {
                exchange.Balances(account.Name, wallet).Values.ShouldAllBe(v => v >= 0m, $"{account.Name} {wallet}");
            }
        }

        exchange.AllEntries().Where(e => !e.Account.StartsWith('@')).ShouldAllBe(e => e.Balance >= 0m);
        exchange.UnbalancedMovements().ShouldBeEmpty();
        Conserved(exchange);
    }

    public static void Conserved(SandboxExchange exchange)
    {
        var totals = exchange.TotalsByAsset().Where(t => t.Value != 0).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var flows = exchange.NetExternalFlows().Where(t => t.Value != 0).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        totals.ShouldBe(flows);
    }
}
