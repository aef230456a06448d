using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>
/// Futures order actions on the shared trading core (<see cref="PlaceOrder"/>, <see cref="AmendOrder"/>,
/// <see cref="CancelOrders"/>), with Kraken's Futures rules on top: reduce-only trimmed to the position, <c>mkt</c> as an
/// IOC limited to the mark price ± 1 %, client order ids unique per account, the subaccount trading switch, and a
/// liquidation check after every action.
/// </summary>
public sealed partial class SandboxExchange
{
    /// <summary>Kraken's price protection of a <c>mkt</c> order: 1 % from the mark price.</summary>
    public const decimal MarketProtection = 0.01m;

    /// <summary>Places a Futures order (<c>sendorder</c>, a <c>batchorder</c> send).</summary>
    public FuturesOrderResult PlaceFuturesOrder(FuturesOrderCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate)
        {
            if (_accounts.Find(command.Account) is not { FuturesTradingEnabled: true })
            {
                return FuturesOrderResult.Refused(FuturesOrderVerdict.MarketSuspended, $"Futures trading is off for '{command.Account}'");
            }

            if (InstrumentCatalog.Find(command.Symbol) is not { } spec)
            {
                return FuturesOrderResult.Refused(FuturesOrderVerdict.MarketSuspended, $"'{command.Symbol}' is not a Futures instrument");
            }

            if (command.ClientOrderId is { } clientId && OrdersLocked(command.Account).Any(o => o.Venue == TradingVenue.Futures && o.ClientOrderId == clientId))
            {
                return FuturesOrderResult.Refused(FuturesOrderVerdict.ClientOrderIdAlreadyExist, $"'{command.Account}' already used cliOrdId '{clientId}'");
            }

            var scale = ScaleOf(TradingVenue.Futures, spec.Symbol)!.Value;
            if (command.Size <= 0m || !scale.FitsLots(command.Size))
            {
                return FuturesOrderResult.Refused(FuturesOrderVerdict.InvalidSize, $"size {command.Size} must be positive with at most {spec.QuantityDecimals} decimals");
            }

            var size = command.Size;
            decimal? reduced = null;
            if (command.ReduceOnly)
            {
                var signed = command.Side == Side.Buy ? size : -size;
                var allowed = Math.Abs(MarginCalculator.ReduceOnlyQuantity(PositionSizeLocked(command.Account, spec.Symbol), signed));
                if (allowed == 0m)
                {
                    return FuturesOrderResult.Refused(FuturesOrderVerdict.WouldNotReducePosition, "a reduce-only order must close part of an open position");
                }

                reduced = allowed < size ? size - allowed : null;
                size = allowed;
            }

            var position = PositionSizeLocked(command.Account, spec.Symbol);
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
                SelfTrade: FuturesSelfTradeLocked(command.Account),
                ReduceOnly: command.ReduceOnly,
                ClientOrderId: command.ClientOrderId);
            var placed = PlaceOrder(request);
            if (!placed.Success)
            {
                return FuturesOrderResult.Refused(Verdict(placed.Rejection.Value), placed.Detail ?? string.Empty);
            }

            var order = placed.Value.Order;
            LiquidateDueLocked();
            return new FuturesOrderResult(VerdictOfNew(order), order, null, placed.Value.Trades, reduced);
        }
    }

    /// <summary>
    /// Edits a resting Futures order in place (<c>editorder</c>): a new open size (<paramref name="newOpenSize"/>, the
    /// unfilled quantity wanted) and/or limit price; the order id stays.
    /// </summary>
    public FuturesOrderResult EditFuturesOrder(string account, string orderId, decimal? newOpenSize, decimal? newLimitPrice)
    {
        lock (_gate)
        {
            if (FindOpen(account, orderId) is not { Venue: TradingVenue.Futures } old)
            {
                return FuturesOrderResult.Refused(FuturesOrderVerdict.NotFound, $"'{account}' has no open Futures order '{orderId}'");
            }

            var open = newOpenSize ?? old.Remaining;
            if (old.ReduceOnly)
            {
                open = Math.Abs(MarginCalculator.ReduceOnlyQuantity(PositionSizeLocked(account, old.Symbol), old.Side == Side.Buy ? open : -open));
                if (open == 0m)
                {
                    return FuturesOrderResult.Refused(FuturesOrderVerdict.WouldNotReducePosition, "a reduce-only order must close part of an open position", old);
                }
            }

            var amended = AmendOrder(account, orderId, old.Executed + open, newLimitPrice);
            if (!amended.Success)
            {
                var verdict = amended.Rejection == SandboxRejection.InvalidOrder && old.Flags.HasFlag(SandboxOrderConditions.PostOnly)
                    ? FuturesOrderVerdict.PostWouldExecute
                    : Verdict(amended.Rejection.Value);
                return FuturesOrderResult.Refused(verdict, amended.Detail ?? string.Empty, old);
            }

            LiquidateDueLocked();
            return new FuturesOrderResult(FuturesOrderVerdict.Edited, amended.Value.Order, old, amended.Value.Trades);
        }
    }

    /// <summary>Cancels one Futures order by txid (<c>cancelorder</c>): <c>cancelled</c>, <c>filled</c> if it already filled, else <c>notFound</c>.</summary>
    public FuturesOrderResult CancelFuturesOrder(string account, string orderId)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(orderId, out var order) || order.Account != account || order.Venue != TradingVenue.Futures)
            {
                return FuturesOrderResult.Refused(FuturesOrderVerdict.NotFound, $"'{account}' has no Futures order '{orderId}'");
            }

            if (!order.IsOpen)
            {
                var verdict = order.Status == SandboxOrderStatus.Closed && order.Executed >= order.Volume ? FuturesOrderVerdict.AlreadyFilled : FuturesOrderVerdict.NotFound;
                return FuturesOrderResult.Refused(verdict, $"order '{orderId}' is no longer open", order);
            }

            var cancelled = CancelOrder(account, orderId);
            return cancelled.Success
                ? new FuturesOrderResult(FuturesOrderVerdict.Cancelled, cancelled.Value, order, [])
                : FuturesOrderResult.Refused(FuturesOrderVerdict.NotFound, cancelled.Detail ?? string.Empty, order);
        }
    }

    /// <summary>Cancels every open Futures order of an account, or those on one symbol (<c>cancelallorders</c>).</summary>
    public IReadOnlyList<SandboxOrder> CancelAllFuturesOrders(string account, string? symbol = null)
    {
        var canonical = symbol is null ? null : InstrumentCatalog.Find(symbol)?.Symbol ?? symbol;
        var result = CancelOrders(account, o => o.Venue == TradingVenue.Futures && (canonical is null || o.Symbol == canonical));
        return result.Success ? result.Value : [];
    }

    /// <summary>An account's Futures order by its client order id (the newest with that id), or null.</summary>
    public SandboxOrder? FindFuturesOrderByClientId(string account, string clientOrderId)
    {
        lock (_gate)
        {
            return OrdersLocked(account).Where(o => o.Venue == TradingVenue.Futures && o.ClientOrderId == clientOrderId).MaxBy(o => o.EngineId);
        }
    }

    private decimal PositionSizeLocked(string account, string symbol) =>
        _positions.TryGetValue((account, symbol), out var position) ? position.Size : 0m;

    /// <summary>The limit of a <c>mkt</c> order: the mark ± 1 %, rounded outward to the tick.</summary>
    private decimal ProtectedPrice(FuturesInstrumentSpec spec, Side side)
    {
        var mark = _markPrices.Mark(spec.Symbol);
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
