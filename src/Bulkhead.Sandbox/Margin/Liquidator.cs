using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Liquidation, per account: when an account's equity falls below its maintenance margin (checked after every mark
/// price update, every Futures order action, every funding settlement and every commit with Futures fills, whoever
/// placed the order), its Futures orders are cancelled and every position is taken over by
/// <see cref="SystemAccounts.Insurance"/> at the mark price (a trade with <c>fillType</c> <c>liquidation</c>, no fee),
/// realising the loss against <see cref="SystemAccounts.Clearing"/>. If the flex collateral is then worth less than
/// zero, the insurance fund pays the deficit in USD. Nothing of any other account is read or changed. Not thread-safe:
/// the exchange calls it under its lock; re-entrant calls (a liquidation's own commits) do nothing.
/// </summary>
internal sealed class Liquidator(MarginBook margin, TradingCore trading)
{
    private bool _liquidating;

    /// <summary>Liquidates <paramref name="account"/> now if its equity is below its maintenance margin; true if it did.</summary>
    public bool LiquidateIfDue(string account)
    {
        if (account.StartsWith('@') || !margin.Summary(account).BelowMaintenance)
        {
            return false;
        }

        Guarded(() => Liquidate(account));
        return true;
    }

    /// <summary>After a committed change set: liquidates what is due if it holds Futures fills.</summary>
    public void AfterCommit(SandboxChangeSet changes)
    {
        if (!_liquidating && changes.Trades.Exists(t => t.Venue == TradingVenue.Futures))
        {
            LiquidateDue();
        }
    }

    /// <summary>Liquidates every user account whose equity is below its maintenance margin.</summary>
    public void LiquidateDue()
    {
        if (_liquidating)
        {
            return;
        }

        Guarded(
            () =>
            {
                var holders = margin.OpenPositions().Where(p => !p.Account.StartsWith('@')).Select(p => p.Account)
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                foreach (var account in holders)
                {
                    if (margin.Summary(account).BelowMaintenance)
                    {
                        Liquidate(account);
                    }
                }
            });
    }

    private void Guarded(Action liquidate)
    {
        var outer = _liquidating;
        _liquidating = true;
        try
        {
            liquidate();
        }
        finally
        {
            _liquidating = outer;
        }
    }

    private void Liquidate(string account)
    {
        var orders = trading.OpenOf(account).Where(o => o.Venue == TradingVenue.Futures).ToList();
        trading.Cancel(orders, SandboxOrderStatus.Canceled, CancelReasons.Liquidation, charge: false);

        var settlement = trading.Settlement(TradingVenue.Futures);
        var batch = trading.NewBatch();
        foreach (var position in margin.Positions(account).ToList())
        {
            var mark = margin.Marks.Mark(position.Symbol);
            var quantity = Math.Abs(position.Size);
            var side = position.Size > 0m ? Side.Sell : Side.Buy;
            var tradeId = SandboxIds.New('T');
            var user = Order(account, position.Symbol, side, quantity, batch.Now);
            var fund = Order(SystemAccounts.Insurance, position.Symbol, side == Side.Buy ? Side.Sell : Side.Buy, quantity, batch.Now);
            foreach (var (order, isMaker) in new[] { (user, false), (fund, true) })
            {
                var booked = settlement.Settle(batch, order, new FillSide(tradeId, mark, quantity, mark * quantity, 0m, isMaker));
                batch.Put(order with { Executed = quantity, Cost = booked.Cost, Status = SandboxOrderStatus.Closed, ClosedAt = batch.Now });
                batch.Changes.Trades.Add(new SandboxTrade(tradeId, order.Id, order.Account, TradingVenue.Futures, order.Symbol, order.Side, OrderKind.Market, mark, quantity, booked.Cost, booked.Fee, booked.FeeAsset, isMaker, batch.Now, ++batch.TradeSequence, 0m));
            }
        }

        var value = AssetCatalog.All.Sum(a => batch.Balance(account, Wallet.FuturesFlex, a.Id) * MarginCalculator.UsdValue(a.Id, margin.Marks));
        if (value < 0m)
        {
            var deficit = decimal.Round(-value, FuturesSettlement.UsdDecimals, MidpointRounding.ToPositiveInfinity);
            var refId = SandboxIds.New('T');
            batch.Book(refId, LedgerEntryType.Transfer, SystemAccounts.Insurance, Wallet.FuturesFlex, FuturesSettlement.Usd, -deficit);
            batch.Book(refId, LedgerEntryType.Transfer, account, Wallet.FuturesFlex, FuturesSettlement.Usd, deficit);
        }

        trading.CommitBatch(batch);
    }

    private SandboxOrder Order(string account, string symbol, Side side, decimal quantity, DateTimeOffset now) => new(
        SandboxIds.New('O'), trading.NextEngineId(), account, TradingVenue.Futures, symbol, side, OrderKind.Market, null, quantity, 0m, 0m, 0m,
        SandboxOrderStatus.Open, now, null, null, null, SandboxOrderConditions.None, TimeInForce.ImmediateOrCancel, null,
        SelfTradePrevention.CancelNewest, ReduceOnly: true, CancelReasons.Liquidation, 0m, null, 0m, FuturesSettlement.Usd, trading.NextPriority());
}
