using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Futures order actions on the shared trading core (<see cref="TradingCore.Place"/>, <see cref="TradingCore.Amend"/>,
/// <see cref="TradingCore.CancelWhere"/>), with Kraken's Futures rules on top: reduce-only trimmed to the position,
/// <c>mkt</c> as an IOC limited to the mark price ± 1 %, client order ids unique per account, the subaccount trading
/// switch, the family's self-trade strategy, and a liquidation check after every action. Not thread-safe: the exchange
/// calls it under its lock.
/// </summary>
internal sealed class FuturesDesk(AccountDirectory accounts, TradingCore trading, MarginBook margin, SelfTradeStrategies selfTrade, Liquidator liquidator)
{
    /// <summary>Kraken's price protection of a <c>mkt</c> order: 1 % from the mark price.</summary>
    public const decimal MarketProtection = 0.01m;

    /// <summary>Places a Futures order (<c>sendorder</c>, a <c>batchorder</c> send).</summary>
    public FuturesOrderResult Place(FuturesOrderCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (accounts.Find(command.Account) is not { FuturesTradingEnabled: true })
        {
            return FuturesOrderResult.Refused(FuturesOrderVerdict.MarketSuspended, $"Futures trading is off for '{command.Account}'");
        }

        if (InstrumentCatalog.Find(command.Symbol) is not { } spec)
        {
            return FuturesOrderResult.Refused(FuturesOrderVerdict.MarketSuspended, $"'{command.Symbol}' is not a Futures instrument");
        }

        if (command.ClientOrderId is { } clientId && trading.OrdersOf(command.Account).Any(o => o.Venue == TradingVenue.Futures && o.ClientOrderId == clientId))
        {
            return FuturesOrderResult.Refused(FuturesOrderVerdict.ClientOrderIdAlreadyExist, $"'{command.Account}' already used cliOrdId '{clientId}'");
        }

        var scale = TradingCore.ScaleOf(TradingVenue.Futures, spec.Symbol)!.Value;
        if (command.Size <= 0m || !scale.FitsLots(command.Size))
        {
            return FuturesOrderResult.Refused(FuturesOrderVerdict.InvalidSize, $"size {command.Size} must be positive with at most {spec.QuantityDecimals} decimals");
        }

        var size = command.Size;
        decimal? reduced = null;
        if (command.ReduceOnly)
        {
            var signed = command.Side == Side.Buy ? size : -size;
            var allowed = Math.Abs(MarginCalculator.ReduceOnlyQuantity(margin.PositionSize(command.Account, spec.Symbol), signed));
            if (allowed == 0m)
            {
                return FuturesOrderResult.Refused(FuturesOrderVerdict.WouldNotReducePosition, "a reduce-only order must close part of an open position");
            }

            reduced = allowed < size ? size - allowed : null;
            size = allowed;
        }

        var position = margin.PositionSize(command.Account, spec.Symbol);
        var after = position + (command.Side == Side.Buy ? size : -size);
        if (Math.Abs(after) > spec.MaxPositionSize && Math.Abs(after) > Math.Abs(position))
        {
            return FuturesOrderResult.Refused(FuturesOrderVerdict.MaxPositionViolation, $"the position would exceed {spec.MaxPositionSize} contracts of {spec.Symbol}");
        }

        decimal price;
        if (command.Kind == FuturesOrderKind.Market)
        {
            price = ProtectedPrice(spec, command.Side);
        }
        else if (command.LimitPrice is not { } limit || limit <= 0m || !scale.IsOnTick(limit))
        {
            return FuturesOrderResult.Refused(FuturesOrderVerdict.InvalidPrice, $"limitPrice must be positive and on the tick {spec.TickSize}");
        }
        else
        {
            price = limit;
        }

        var request = new SandboxOrderRequest(
            command.Account,
            TradingVenue.Futures,
            spec.Symbol,
            command.Side,
            OrderKind.Limit,
            size,
            price,
            command.Kind is FuturesOrderKind.Market or FuturesOrderKind.ImmediateOrCancel ? TimeInForce.ImmediateOrCancel : TimeInForce.GoodTillCancelled,
            Flags: command.Kind == FuturesOrderKind.PostOnly ? SandboxOrderConditions.PostOnly : SandboxOrderConditions.None,
            SelfTrade: selfTrade.ModeOf(command.Account),
            ReduceOnly: command.ReduceOnly,
            ClientOrderId: command.ClientOrderId);
        var placed = trading.Place(request);
        if (!placed.Success)
        {
            return FuturesOrderResult.Refused(Verdict(placed.Rejection.Value), placed.Detail ?? string.Empty);
        }

        var order = placed.Value.Order;
        liquidator.LiquidateDue();
        return new FuturesOrderResult(VerdictOfNew(order), order, null, placed.Value.Trades, reduced);
    }

    /// <summary>
    /// Edits a resting Futures order in place (<c>editorder</c>): a new open size (<paramref name="newOpenSize"/>, the
    /// unfilled quantity wanted) and/or limit price; the order id stays.
    /// </summary>
    public FuturesOrderResult Edit(string account, string orderId, decimal? newOpenSize, decimal? newLimitPrice)
    {
        if (trading.FindOpen(account, orderId) is not { Venue: TradingVenue.Futures } old)
        {
            return FuturesOrderResult.Refused(FuturesOrderVerdict.NotFound, $"'{account}' has no open Futures order '{orderId}'");
        }

        var open = newOpenSize ?? old.Remaining;
        if (old.ReduceOnly)
        {
            open = Math.Abs(MarginCalculator.ReduceOnlyQuantity(margin.PositionSize(account, old.Symbol), old.Side == Side.Buy ? open : -open));
            if (open == 0m)
            {
                return FuturesOrderResult.Refused(FuturesOrderVerdict.WouldNotReducePosition, "a reduce-only order must close part of an open position", old);
            }
        }

        var amended = trading.Amend(account, orderId, old.Executed + open, newLimitPrice);
        if (!amended.Success)
        {
            var verdict = amended.Rejection == SandboxRejection.InvalidOrder && old.Flags.HasFlag(SandboxOrderConditions.PostOnly)
                ? FuturesOrderVerdict.PostWouldExecute
                : Verdict(amended.Rejection.Value);
            return FuturesOrderResult.Refused(verdict, amended.Detail ?? string.Empty, old);
        }

        liquidator.LiquidateDue();
        return new FuturesOrderResult(FuturesOrderVerdict.Edited, amended.Value.Order, old, amended.Value.Trades);
    }

    /// <summary>Cancels one Futures order by txid (<c>cancelorder</c>): <c>cancelled</c>, <c>filled</c> if it already filled, else <c>notFound</c>.</summary>
    public FuturesOrderResult Cancel(string account, string orderId)
    {
        if (trading.Find(orderId) is not { } order || order.Account != account || order.Venue != TradingVenue.Futures)
        {
            return FuturesOrderResult.Refused(FuturesOrderVerdict.NotFound, $"'{account}' has no Futures order '{orderId}'");
        }

        if (!order.IsOpen)
        {
            var verdict = order.Status == SandboxOrderStatus.Closed && order.Executed >= order.Volume ? FuturesOrderVerdict.AlreadyFilled : FuturesOrderVerdict.NotFound;
            return FuturesOrderResult.Refused(verdict, $"order '{orderId}' is no longer open", order);
        }

        var cancelled = trading.CancelWhere(account, o => o.Id == orderId);
        return cancelled.Count > 0
            ? new FuturesOrderResult(FuturesOrderVerdict.Cancelled, cancelled[0], order, [])
            : FuturesOrderResult.Refused(FuturesOrderVerdict.NotFound, $"'{account}' has no open order '{orderId}'", order);
    }

    /// <summary>Cancels every open Futures order of an account, or those on one symbol (<c>cancelallorders</c>).</summary>
    public List<SandboxOrder> CancelAll(string account, string? symbol)
    {
        var canonical = symbol is null ? null : InstrumentCatalog.Find(symbol)?.Symbol ?? symbol;
        return trading.CancelWhere(account, o => o.Venue == TradingVenue.Futures && (canonical is null || o.Symbol == canonical));
    }

    /// <summary>An account's Futures order by its client order id (the newest with that id), or null.</summary>
    public SandboxOrder? FindByClientId(string account, string clientOrderId) =>
        trading.OrdersOf(account).Where(o => o.Venue == TradingVenue.Futures && o.ClientOrderId == clientOrderId).MaxBy(o => o.EngineId);

    /// <summary>The limit of a <c>mkt</c> order: the mark ± 1 %, rounded outward to the tick.</summary>
    private decimal ProtectedPrice(FuturesInstrumentSpec spec, Side side)
    {
        var mark = margin.Marks.Mark(spec.Symbol);
        var raw = side == Side.Buy ? mark * (1m + MarketProtection) : mark * (1m - MarketProtection);
        var ticks = raw / spec.TickSize;
        ticks = side == Side.Buy ? decimal.Ceiling(ticks) : decimal.Floor(ticks);
        return Math.Max(1m, ticks) * spec.TickSize;
    }

    private static FuturesOrderVerdict VerdictOfNew(SandboxOrder order) => order switch
    {
        { Reason: CancelReasons.PostOnly } => FuturesOrderVerdict.PostWouldExecute,
        { Reason: CancelReasons.SelfTrade, Executed: 0m } => FuturesOrderVerdict.SelfFill,
        { TimeInForce: TimeInForce.ImmediateOrCancel, Executed: 0m } => FuturesOrderVerdict.IocWouldNotExecute,
        _ when order.Executed >= order.Volume => FuturesOrderVerdict.Filled,
        _ when !order.IsOpen && order.Executed > 0m => FuturesOrderVerdict.PartiallyFilled,
        _ => FuturesOrderVerdict.Placed,
    };

    private static FuturesOrderVerdict Verdict(SandboxRejection rejection) => rejection switch
    {
        SandboxRejection.InsufficientFunds => FuturesOrderVerdict.InsufficientAvailableFunds,
        SandboxRejection.InvalidPrice => FuturesOrderVerdict.InvalidPrice,
        SandboxRejection.OrdersLimitExceeded or SandboxRejection.OrderRateLimitExceeded => FuturesOrderVerdict.TooManyOrders,
        SandboxRejection.UnknownOrder => FuturesOrderVerdict.NotFound,
        SandboxRejection.UnknownPair => FuturesOrderVerdict.MarketSuspended,
        _ => FuturesOrderVerdict.InvalidSize,
    };
}
