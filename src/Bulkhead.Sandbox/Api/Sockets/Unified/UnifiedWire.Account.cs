using System.Text.Json;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>The account side of the Unified wire: positions, margin, balances, ledgers, preferences (all UNCONFIRMED field lists).</summary>
internal static partial class UnifiedWire
{
    /// <summary>The wallets the Unified private channels report while Unified serves derivatives only.</summary>
    public static readonly Wallet[] Wallets = [Wallet.FuturesFlex, Wallet.FuturesCash];

    /// <summary>USD figures' decimals (the USD asset's).</summary>
    private static int Usd => FuturesSettlement.UsdDecimals;

    /// <summary>
    /// One <c>positions</c> item: <c>symbol, side (long|short), size (absolute), entry_price, mark_price, unrealized_pnl,
    /// max_leverage</c> (the preference; null = cross); with margin also <c>notional, initial_margin,
    /// maintenance_margin</c>. A closed position: <c>symbol</c> and <c>size: 0</c> with zero prices and P&amp;L, no side.
    /// </summary>
    public static void Position(Utf8JsonWriter w, string symbol, FuturesPosition? position, decimal mark, decimal? maxLeverage, bool withMargin)
    {
        var instrument = SocketInstrument.OfId(symbol)!;
        var size = position?.Size ?? 0m;
        w.WriteStartObject();
        w.WriteString("symbol", instrument.Symbol);
        if (size != 0m)
        {
            w.WriteString("side", size > 0m ? "long" : "short");
        }

        w.WriteNumber("size", Math.Abs(size), instrument.QtyDecimals);
        w.WriteNumber("entry_price", position?.EntryPrice ?? 0m, instrument.PriceDecimals + 4);
        w.WriteNumber("mark_price", mark, instrument.PriceDecimals);
        w.WriteNumber("unrealized_pnl", position?.UnrealisedPnl(mark) ?? 0m, Usd);
        if (maxLeverage is { } leverage)
        {
            w.WriteNumber("max_leverage", leverage);
        }
        else
        {
            w.WriteNull("max_leverage");
        }

        if (withMargin)
        {
            var notional = position?.Notional(mark) ?? 0m;
            w.WriteNumber("notional", notional, Usd);
            w.WriteNumber("initial_margin", MarginCalculator.InitialMargin(notional), Usd);
            w.WriteNumber("maintenance_margin", MarginCalculator.MaintenanceMargin(notional), Usd);
        }

        w.WriteEndObject();
    }

    /// <summary>The <c>positions</c> data: <c>{futures:[…], options:[]}</c> (the sandbox lists no options).</summary>
    public static void Positions(Utf8JsonWriter w, Action<Utf8JsonWriter> futures)
    {
        w.WriteStartObject();
        w.WriteStartArray("futures");
        futures(w);
        w.WriteEndArray();
        w.WriteStartArray("options");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// The <c>margin</c> data (<c>type: multi_collateral</c>, a full replacement every time): the flex account's
    /// figures in USD and its collateral per currency; <c>margin_level</c> is equity over maintenance margin (below 1
    /// liquidates), null without positions.
    /// </summary>
    public static void Margin(Utf8JsonWriter w, MarginSummary margin, IReadOnlyDictionary<string, decimal> collateral, IMarkPrices prices)
    {
        w.WriteStartObject();
        w.WriteNumber("portfolio_value", margin.Equity, Usd);
        w.WriteNumber("collateral_value", margin.BalanceValue, Usd);
        w.WriteNumber("unrealized_pnl", margin.UnrealisedPnl, Usd);
        w.WriteNumber("initial_margin", margin.InitialMargin, Usd);
        w.WriteNumber("initial_margin_with_orders", margin.InitialMarginWithOrders, Usd);
        w.WriteNumber("maintenance_margin", margin.MaintenanceMargin, Usd);
        w.WriteNumber("available_margin", margin.AvailableMargin, Usd);
        if (margin.MaintenanceMargin > 0m)
        {
            w.WriteNumber("margin_level", margin.Equity / margin.MaintenanceMargin, 4);
        }
        else
        {
            w.WriteNull("margin_level");
        }

        w.WriteStartArray("currencies");
        foreach (var (asset, quantity) in collateral.Where(c => c.Value != 0m).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var decimals = AssetCatalog.Find(asset)?.Decimals ?? 8;
            w.WriteStartObject();
            w.WriteString("asset", SocketInstrument.AssetName(asset));
            w.WriteNumber("quantity", quantity, decimals);
            w.WriteNumber("value", quantity * MarginCalculator.UsdValue(asset, prices), Usd);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// The <c>balances</c> snapshot item of one asset: its total over the derivatives wallets and each wallet
    /// (<c>{type: "derivatives", id: "flex"|"cash", balance}</c>).
    /// </summary>
    public static void Balance(Utf8JsonWriter w, string asset, IReadOnlyList<(Wallet Wallet, decimal Balance)> wallets)
    {
        var decimals = AssetCatalog.Find(asset)?.Decimals ?? 8;
        w.WriteStartObject();
        w.WriteString("asset", SocketInstrument.AssetName(asset));
        w.WriteString("asset_class", "currency");
        w.WriteNumber("balance", wallets.Sum(x => x.Balance), decimals);
        w.WriteStartArray("wallets");
        foreach (var (wallet, balance) in wallets)
        {
            w.WriteStartObject();
            w.WriteString("type", WalletType(wallet));
            w.WriteString("id", WalletId(wallet));
            w.WriteNumber("balance", balance, decimals);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// One ledger entry (a <c>ledgers</c> message item, and a <c>balances</c> update item): Spot v2's balance-update
    /// fields, plus, for a fill, <c>symbol</c>, <c>trade_price</c> and <c>realized_pnl</c>.
    /// </summary>
    public static void Entry(Utf8JsonWriter w, LedgerEntry entry, SandboxTrade? trade)
    {
        var decimals = AssetCatalog.Find(entry.Asset)?.Decimals ?? 8;
        w.WriteStartObject();
        w.WriteString("ledger_id", entry.Id);
        w.WriteString("ref_id", entry.RefId);
        w.WriteString("timestamp", SocketFrames.Time(entry.Time));
        w.WriteString("type", EntryType(entry.Type));
        w.WriteString("asset", SocketInstrument.AssetName(entry.Asset));
        w.WriteString("asset_class", "currency");
        w.WriteString("wallet_type", WalletType(entry.Wallet));
        w.WriteString("wallet_id", WalletId(entry.Wallet));
        w.WriteNumber("amount", entry.Amount, decimals);
        w.WriteNumber("fee", entry.Fee, decimals);
        w.WriteNumber("balance", entry.Balance, decimals);
        if (trade is not null && SocketInstrument.OfId(trade.Symbol) is { } instrument)
        {
            w.WriteString("symbol", instrument.Symbol);
            w.WriteNumber("trade_price", trade.Price, instrument.PriceDecimals);
            w.WriteNumber("realized_pnl", entry.Amount, decimals);
        }
        else if (entry.Type == LedgerEntryType.Funding && SandboxExchange.FundedSymbol(entry.RefId) is { } fundedId && SocketInstrument.OfId(fundedId) is { } funded)
        {
            w.WriteString("symbol", funded.Symbol);
            w.WriteNumber("realized_funding", entry.Amount, decimals);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// The <c>preferences</c> data: <c>trading_permission</c> (<c>enabled|disabled</c>; the sandbox has no
    /// reduce-only switch) and <c>leverage_mode[]</c> <c>{symbol, max_leverage}</c> (a number, or null for cross).
    /// </summary>
    public static void Preferences(Utf8JsonWriter w, bool tradingEnabled, IEnumerable<(string Symbol, decimal? MaxLeverage)> leverage)
    {
        w.WriteStartObject();
        w.WriteString("trading_permission", tradingEnabled ? "enabled" : "disabled");
        w.WriteStartArray("leverage_mode");
        foreach (var (symbol, maxLeverage) in leverage)
        {
            w.WriteStartObject();
            w.WriteString("symbol", SocketInstrument.OfId(symbol)?.Symbol ?? symbol);
            if (maxLeverage is { } value)
            {
                w.WriteNumber("max_leverage", value);
            }
            else
            {
                w.WriteNull("max_leverage");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string WalletType(Wallet wallet) => wallet == Wallet.Spot ? "spot" : "derivatives";

    private static string WalletId(Wallet wallet) => wallet switch
    {
        Wallet.FuturesFlex => "flex",
        Wallet.FuturesCash => "cash",
        _ => "main",
    };

    private static string EntryType(LedgerEntryType type) => type switch
    {
        LedgerEntryType.Deposit => "deposit",
        LedgerEntryType.Withdrawal => "withdrawal",
        LedgerEntryType.Transfer => "transfer",
        LedgerEntryType.Trade => "trade",
        LedgerEntryType.Funding => "funding",
        _ => "fee",
    };
}
