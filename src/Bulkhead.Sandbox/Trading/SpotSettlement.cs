using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Trading;

/// <summary>
/// Spot: an open buy reserves quote (price × volume plus the fee at the fee cap, unless the fee is in the base), an open
/// sell reserves base (plus the fee if it is in the base). A fill books base and quote for the side, its fee (in the quote
/// unless <c>fcib</c>) to <see cref="SystemAccounts.Fees"/>, all under the trade id as refid. Amounts booked are rounded
/// toward zero to the asset's decimals, so a fill never spends more than its share of the hold.
/// </summary>
internal sealed class SpotSettlement : IVenueSettlement
{
    public SettlementAdmission Admit(TradingBatch batch, SandboxOrder order, decimal? estimatedCost, decimal releasing)
    {
        var pair = PairCatalog.Find(order.Symbol)!;
        var baseAsset = AssetCatalog.Find(pair.Base)!;
        var quoteAsset = AssetCatalog.Find(pair.Quote)!;
        if (order.Volume < pair.OrderMin)
        {
            return SettlementAdmission.Refuse(SandboxRejection.OrderMinimumNotMet, $"volume {order.Volume} is below the minimum {pair.OrderMin} for {pair.AltName}");
        }

        if (order.Price is { } limit && limit * order.Volume < pair.CostMin)
        {
            return SettlementAdmission.Refuse(SandboxRejection.OrderMinimumNotMet, $"cost {limit * order.Volume} is below the minimum {pair.CostMin} {quoteAsset.AltName} for {pair.AltName}");
        }

        var feeInBase = order.FeeAsset == pair.Base;
        var feeFactor = 1m + (order.FeeCap / 100m);
        decimal hold;
        string asset;
        if (order.Side == Side.Buy)
        {
            asset = pair.Quote;
            var value = order.Price is { } price ? order.Remaining * price : estimatedCost ?? 0m;
            hold = Ceiling(feeInBase ? value : value * feeFactor, quoteAsset.Decimals);
        }
        else
        {
            asset = pair.Base;
            hold = Ceiling(feeInBase ? order.Remaining * feeFactor : order.Remaining, baseAsset.Decimals);
        }

        var available = batch.Available(order.Account, Wallet.Spot, asset) + releasing;
        if (available < hold)
        {
            return SettlementAdmission.Refuse(SandboxRejection.InsufficientFunds, $"'{order.Account}' needs {hold} {asset} for this order and has {available} available");
        }

        return new SettlementAdmission(hold, asset);
    }

    public SettledFill Settle(TradingBatch batch, SandboxOrder order, FillSide fill)
    {
        var pair = PairCatalog.Find(order.Symbol)!;
        var baseAsset = AssetCatalog.Find(pair.Base)!;
        var quoteAsset = AssetCatalog.Find(pair.Quote)!;
        var cost = Floor(fill.Cost, quoteAsset.Decimals);
        var feeInBase = order.FeeAsset == pair.Base;
        var fee = Floor((feeInBase ? fill.Quantity : cost) * fill.FeePercent / 100m, feeInBase ? baseAsset.Decimals : quoteAsset.Decimals);
        var buy = order.Side == Side.Buy;
        var baseFee = feeInBase ? fee : 0m;
        var quoteFee = feeInBase ? 0m : fee;
        batch.Book(fill.TradeId, LedgerEntryType.Trade, order.Account, Wallet.Spot, pair.Base, buy ? fill.Quantity : -fill.Quantity, baseFee);
        batch.Book(fill.TradeId, LedgerEntryType.Trade, order.Account, Wallet.Spot, pair.Quote, buy ? -cost : cost, quoteFee);
        if (fee > 0m)
        {
            batch.Book(fill.TradeId, LedgerEntryType.Trade, SystemAccounts.Fees, Wallet.Spot, order.FeeAsset, fee);
        }

        // What the fill used of the hold: a buy spends quote (cost, plus the fee if it is in the quote); a sell gives up
        // base (the quantity, plus the fee if it is in the base).
        var used = buy ? cost + quoteFee : fill.Quantity + baseFee;
        return new SettledFill(cost, fee, order.FeeAsset, Math.Min(used, order.Hold));
    }

    private static decimal Ceiling(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.ToPositiveInfinity);

    private static decimal Floor(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.ToZero);
}
