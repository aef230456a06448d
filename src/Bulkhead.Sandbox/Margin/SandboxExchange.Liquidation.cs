using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>
/// Liquidation, per account: when an account's equity falls below its maintenance margin (checked after every mark
/// price update, every Futures order action and every committed batch with Futures fills, whoever placed the order), its Futures orders are cancelled and every position is taken over by
/// <see cref="SystemAccounts.Insurance"/> at the mark price (a trade with <c>fillType</c> <c>liquidation</c>, no fee),
/// realising the loss against <see cref="SystemAccounts.Clearing"/>. If the flex collateral is then worth less than
/// zero, the insurance fund pays the deficit in USD. Nothing of any other account is read or changed.
/// </summary>
public sealed partial class SandboxExchange
{
    /// <summary>The <c>reason</c> of orders cancelled, and of the orders that closed positions, by a liquidation.</summary>
    public const string LiquidationReason = "Liquidation";

    private bool _liquidating;

    /// <summary>Liquidates <paramref name="account"/> now if its equity is below its maintenance margin; true if it did.</summary>
    public bool LiquidateIfDue(string account)
    {
        lock (_gate)
        {
            if (account.StartsWith('@') || !MarginCalculator.Summarise(MarginStateLocked(account, null), _markPrices).BelowMaintenance)
            {
                return false;
            }

            LiquidateLocked(account);
            return true;
        }
    }

    /// <summary>After any committed batch with Futures fills (a Futures order, the market's orders, an amend that crossed): liquidate what is due.</summary>
    partial void AfterTradingCommit(SandboxChangeSet changes)
    {
        if (!_liquidating && changes.Trades.Any(t => t.Venue == TradingVenue.Futures))
        {
            LiquidateDueLocked();
        }
    }

    /// <summary>Liquidates every user account whose equity is below its maintenance margin. Caller holds the lock.</summary>
    private void LiquidateDueLocked()
    {
        if (_liquidating)
        {
            return;
        }

        _liquidating = true;
        try
        {
            LiquidateDueOnce();
        }
        finally
        {
            _liquidating = false;
        }
    }

    private void LiquidateDueOnce()
    {
        var holders = _positions.Where(p => !p.Value.IsFlat && !p.Key.Account.StartsWith('@')).Select(p => p.Key.Account)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var account in holders)
        {
            if (MarginCalculator.Summarise(MarginStateLocked(account, null), _markPrices).BelowMaintenance)
            {
                LiquidateLocked(account);
            }
        }
    }

    private void LiquidateLocked(string account)
    {
        var outer = _liquidating;
        _liquidating = true;
        try
        {
            LiquidateAccount(account);
        }
        finally
        {
            _liquidating = outer;
        }
    }

    private void LiquidateAccount(string account)
    {
        var orders = OpenOrdersLocked(account).Where(o => o.Venue == TradingVenue.Futures).ToList();
        CancelLocked(orders, SandboxOrderStatus.Canceled, LiquidationReason, charge: false);

        var settlement = _venues[TradingVenue.Futures];
        var batch = NewBatch();
        foreach (var position in PositionsLocked(account).ToList())
        {
            var mark = _markPrices.Mark(position.Symbol);
            var quantity = Math.Abs(position.Size);
            var side = position.Size > 0m ? Side.Sell : Side.Buy;
            var tradeId = NewId('T');
            var user = LiquidationOrder(account, position.Symbol, side, quantity, batch.Now);
            var fund = LiquidationOrder(SystemAccounts.Insurance, position.Symbol, side == Side.Buy ? Side.Sell : Side.Buy, quantity, batch.Now);
            foreach (var (order, isMaker) in new[] { (user, false), (fund, true) })
            {
                var booked = settlement.Settle(batch, order, new FillSide(tradeId, mark, quantity, mark * quantity, 0m, isMaker));
                batch.Put(order with { Executed = quantity, Cost = booked.Cost, Status = SandboxOrderStatus.Closed, ClosedAt = batch.Now });
                batch.Changes.Trades.Add(new SandboxTrade(tradeId, order.Id, order.Account, TradingVenue.Futures, order.Symbol, order.Side, OrderKind.Market, mark, quantity, booked.Cost, booked.Fee, booked.FeeAsset, isMaker, batch.Now, ++batch.TradeSequence, 0m));
            }
        }

        var value = AssetCatalog.All.Sum(a => batch.Balance(account, Wallet.FuturesFlex, a.Id) * MarginCalculator.UsdValue(a.Id, _markPrices));
        if (value < 0m)
        {
            var deficit = decimal.Round(-value, FuturesSettlement.UsdDecimals, MidpointRounding.ToPositiveInfinity);
            var refId = NewId('T');
            batch.Book(refId, LedgerEntryType.Transfer, SystemAccounts.Insurance, Wallet.FuturesFlex, FuturesSettlement.Usd, -deficit);
            batch.Book(refId, LedgerEntryType.Transfer, account, Wallet.FuturesFlex, FuturesSettlement.Usd, deficit);
        }

        CommitBatch(batch);
    }

    private SandboxOrder LiquidationOrder(string account, string symbol, Side side, decimal quantity, DateTimeOffset now) => new(
        NewId('O'), ++_engineSequence, account, TradingVenue.Futures, symbol, side, OrderKind.Market, null, quantity, 0m, 0m, 0m,
        SandboxOrderStatus.Open, now, null, null, null, SandboxOrderConditions.None, TimeInForce.ImmediateOrCancel, null,
        SelfTradePrevention.CancelNewest, ReduceOnly: true, LiquidationReason, 0m, null, 0m, FuturesSettlement.Usd, ++_prioritySequence);
}
