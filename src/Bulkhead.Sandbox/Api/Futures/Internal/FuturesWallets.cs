using System.Text.Json.Nodes;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;

namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>
/// The Futures wallets on the wire: <c>cash</c> (holding) and <c>flex</c> (multi-collateral). Flex figures come from
/// <see cref="SandboxExchange.Margin"/>: collateral valued at the index price (USD at 1) with no haircut (Kraken's haircuts
/// are UNCONFIRMED), unrealised P&amp;L at mark, initial and maintenance margin from the ladder.
/// </summary>
internal static class FuturesWallets
{
    /// <summary>A wallet by its Futures name (<c>cash</c>, <c>flex</c>, case-insensitive); null for any other (single-collateral <c>fi_…</c> wallets do not exist here).</summary>
    public static Wallet? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "cash" => Wallet.FuturesCash,
        "flex" => Wallet.FuturesFlex,
        _ => null,
    };

    /// <summary>The wire name of a Futures wallet.</summary>
    public static string Name(Wallet wallet) => wallet == Wallet.FuturesFlex ? "flex" : "cash";

    /// <summary><c>accounts.cash</c>: balances as decimal strings keyed by lower-case currency.</summary>
    public static JsonObject Cash(SandboxExchange exchange, string account)
    {
        var balances = new JsonObject();
        foreach (var (asset, amount) in Sorted(exchange.Balances(account, Wallet.FuturesCash)))
        {
            balances[asset.FuturesCurrency] = FuturesWire.Decimal(amount);
        }

        return new JsonObject { ["type"] = "cashAccount", ["balances"] = balances };
    }

    /// <summary><c>subaccounts[].holdingAccounts</c>: the cash wallet as <c>[{currency, amount}]</c>.</summary>
    public static JsonArray Holdings(SandboxExchange exchange, string account) =>
        new([.. Sorted(exchange.Balances(account, Wallet.FuturesCash)).Select(b => (JsonNode)new JsonObject
        {
            ["currency"] = b.Asset.FuturesCurrency,
            ["amount"] = FuturesWire.Number(b.Amount),
        })]);

    /// <summary>
    /// <c>accounts.flex</c> (<paramref name="asArray"/> false: <c>currencies</c> a map keyed by upper-case currency, with
    /// <c>type</c>) or <c>subaccounts[].flexAccount</c> (true: <c>currencies</c> an array of <c>{currency,…}</c>).
    /// </summary>
    public static JsonObject Flex(SandboxExchange exchange, string account, bool asArray)
    {
        var margin = exchange.Margin(account);
        var map = new JsonObject();
        var list = new JsonArray();
        foreach (var (asset, quantity) in Sorted(exchange.Balances(account, Wallet.FuturesFlex)))
        {
            var price = MarginCalculator.UsdValue(asset.Id, exchange.MarkPrices);
            var value = quantity * price;
            var entry = new JsonObject
            {
                ["quantity"] = FuturesWire.Number(quantity),
                ["value"] = FuturesWire.Number(value),
                ["collateral"] = FuturesWire.Number(value),
                ["available"] = FuturesWire.Number(Math.Max(0m, Math.Min(quantity, decimal.Round(margin.AvailableMargin / price, asset.Decimals, MidpointRounding.ToZero)))),
            };
            if (asArray)
            {
                entry.Insert(0, "currency", asset.FuturesCurrency);
                list.Add(entry);
            }
            else
            {
                map[asset.AltName] = entry;
            }
        }

        var flex = new JsonObject();
        if (!asArray)
        {
            flex["type"] = "multiCollateralMarginAccount";
        }

        flex["currencies"] = asArray ? list : map;
        flex["initialMargin"] = Usd(margin.InitialMargin);
        flex["initialMarginWithOrders"] = Usd(margin.InitialMarginWithOrders);
        flex["maintenanceMargin"] = Usd(margin.MaintenanceMargin);
        flex["balanceValue"] = Usd(margin.BalanceValue);
        flex["portfolioValue"] = Usd(margin.Equity);
        flex["collateralValue"] = Usd(margin.BalanceValue);
        flex["pnl"] = Usd(margin.UnrealisedPnl);
        var funding = exchange.Positions(account).Sum(exchange.UnrealisedFunding);
        flex["unrealizedFunding"] = Usd(funding);
        flex["totalUnrealized"] = Usd(margin.UnrealisedPnl + funding);
        flex["totalUnrealizedAsMargin"] = Usd(margin.UnrealisedPnl);
        flex["marginEquity"] = Usd(margin.Equity);
        flex["availableMargin"] = Usd(margin.AvailableMargin);
        return flex;
    }

    /// <summary>A USD figure on the wire: at most 8 decimals.</summary>
    private static JsonNode Usd(decimal value) => FuturesWire.Number(decimal.Round(value, 8));

    private static IEnumerable<(SandboxAsset Asset, decimal Amount)> Sorted(IReadOnlyDictionary<string, decimal> balances) =>
        AssetCatalog.All.Where(a => balances.ContainsKey(a.Id)).Select(a => (a, balances[a.Id]));
}
