using System.Text.Json.Nodes;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;

namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>
/// The Futures wallets on the wire: <c>cash</c> (holding) and <c>flex</c> (multi-collateral). Flex collateral is valued at
/// <see cref="SandboxAsset.UsdPrice"/> with no haircut (Kraken's haircuts are UNCONFIRMED) and, with no positions in
/// part 1, every margin figure is zero and equity equals the collateral value.
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
        var total = 0m;
        var map = new JsonObject();
        var list = new JsonArray();
        foreach (var (asset, quantity) in Sorted(exchange.Balances(account, Wallet.FuturesFlex)))
        {
            var value = quantity * asset.UsdPrice;
            total += value;
            var entry = new JsonObject
            {
                ["quantity"] = FuturesWire.Number(quantity),
                ["value"] = FuturesWire.Number(value),
                ["collateral"] = FuturesWire.Number(value),
                ["available"] = FuturesWire.Number(quantity),
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
        flex["initialMargin"] = 0;
        flex["initialMarginWithOrders"] = 0;
        flex["maintenanceMargin"] = 0;
        flex["balanceValue"] = FuturesWire.Number(total);
        flex["portfolioValue"] = FuturesWire.Number(total);
        flex["collateralValue"] = FuturesWire.Number(total);
        flex["pnl"] = 0;
        flex["unrealizedFunding"] = 0;
        flex["totalUnrealized"] = 0;
        flex["totalUnrealizedAsMargin"] = 0;
        flex["marginEquity"] = FuturesWire.Number(total);
        flex["availableMargin"] = FuturesWire.Number(total);
        return flex;
    }

    private static IEnumerable<(SandboxAsset Asset, decimal Amount)> Sorted(IReadOnlyDictionary<string, decimal> balances) =>
        AssetCatalog.All.Where(a => balances.ContainsKey(a.Id)).Select(a => (a, balances[a.Id]));
}
