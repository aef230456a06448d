using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Futures settlement for the trading core. Admission: the account's margin must carry the order
/// (<see cref="MarginCalculator.Check"/>; nothing is held, margin is computed, not reserved). A fill moves the position
/// (<see cref="FuturesPosition.Apply"/>); realised P&amp;L is booked in the flex wallet in USD against
/// <see cref="SystemAccounts.Clearing"/> and the fee (rounded toward zero to USD decimals) against
/// <see cref="SystemAccounts.Fees"/>, all under the trade id. System accounts (<c>@market</c>, <c>@insurance</c>) trade
/// without a margin check.
/// </summary>
internal sealed class FuturesSettlement(MarginBook margin) : IVenueSettlement
{
    /// <summary>The settlement asset of every linear perpetual.</summary>
    public const string Usd = "ZUSD";

    /// <summary>Decimals of booked USD amounts (the asset's).</summary>
    public static int UsdDecimals { get; } = AssetCatalog.Find(Usd)!.Decimals;

    public SettlementAdmission Admit(TradingBatch batch, SandboxOrder order, decimal? estimatedCost, decimal releasing)
    {
        if (order.Account.StartsWith('@'))
        {
            return new SettlementAdmission(0m, null);
        }

        var signed = order.Side == Side.Buy ? order.Remaining : -order.Remaining;
        var state = margin.State(order.Account, batch, excludingOrderId: order.Id);
        var spec = InstrumentCatalog.Find(order.Symbol)!;
        if (Math.Abs(state.PositionSize(order.Symbol) + signed) > spec.MaxPositionSize && Math.Abs(state.PositionSize(order.Symbol) + signed) > Math.Abs(state.PositionSize(order.Symbol)))
        {
            return SettlementAdmission.Refuse(SandboxRejection.InvalidVolume, $"the position would exceed {spec.MaxPositionSize} contracts of {spec.Symbol}");
        }

        var price = order.Price ?? margin.Marks.Mark(order.Symbol);
        var fee = price * order.Remaining * order.FeeCap / 100m;
        var check = MarginCalculator.Check(state, margin.Marks, new MarginOrder(order.Symbol, signed), fee);
        return check.Accepted
            ? new SettlementAdmission(0m, null)
            : SettlementAdmission.Refuse(SandboxRejection.InsufficientFunds, $"'{order.Account}' has {check.Before.AvailableMargin} USD available margin; the order needs {check.After.InitialMarginWithOrders - check.Before.InitialMarginWithOrders} more initial margin plus a fee of up to {fee}");
    }

    public SettledFill Settle(TradingBatch batch, SandboxOrder order, FillSide fill)
    {
        var applied = margin.ApplyPendingFill(batch, order.Account, order.Symbol, order.Side == Side.Buy ? fill.Quantity : -fill.Quantity, fill.Price);
        var fee = decimal.Round(fill.Cost * fill.FeePercent / 100m, UsdDecimals, MidpointRounding.ToZero);
        var realised = applied.RealisedPnl;
        if (realised != 0m || fee != 0m)
        {
            batch.Book(fill.TradeId, LedgerEntryType.Trade, order.Account, Wallet.FuturesFlex, Usd, realised, fee);
        }

        if (realised != 0m)
        {
            batch.Book(fill.TradeId, LedgerEntryType.Trade, SystemAccounts.Clearing, Wallet.FuturesFlex, Usd, -realised);
        }

        if (fee != 0m)
        {
            batch.Book(fill.TradeId, LedgerEntryType.Trade, SystemAccounts.Fees, Wallet.FuturesFlex, Usd, fee);
        }

        return new SettledFill(fill.Cost, fee, Usd, 0m);
    }
}
