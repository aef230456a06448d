using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Tests.Strategies;

/// <summary>
/// An in-test exchange for one symbol, scripted by the test: the quote is set step by step; a market order fills at once
/// at the touch (taker fee); a post-only order that would take is cancelled, otherwise it rests and fills at its own price
/// (maker fee) when a later quote crosses it. It records every order and answers fees as set. It stands in for the
/// exchange around the strategy under test, never for the strategy.
/// </summary>
internal sealed class ScriptedVenue(Venue venue, VenueFees fees) : ITradingVenue, IFeeVenue
{
    private readonly List<VenueFill> _fills = [];
    private readonly List<VenueOpenOrder> _resting = [];
    private MarketQuote? _quote;

    public Venue Venue { get; } = venue;

    public VenueFees Fees { get; set; } = fees;

    public int FeeReads { get; private set; }

    /// <summary>Every order as sent, with the quote it met.</summary>
    public List<(VenueOrderRequest Order, MarketQuote Quote)> Orders { get; } = [];

    /// <summary>Every quote change and which orders rested after it: (time, resting bids, resting asks).</summary>
    public IReadOnlyList<VenueOpenOrder> Resting => _resting;

    public IReadOnlyList<VenueFill> Fills => _fills;

    /// <summary>Moves the market to <paramref name="quote"/>: resting orders it crosses fill at their price.</summary>
    public void Move(MarketQuote quote)
    {
        _quote = quote;
        foreach (var order in _resting.ToList())
        {
            var crossed = order.Side == OrderSide.Buy ? quote.Ask <= order.LimitPrice : quote.Bid >= order.LimitPrice;
            if (crossed)
            {
                _resting.Remove(order);
                Fill(order.OrderId, order.ClientOrderId, order.Side, order.Quantity, order.LimitPrice!.Value, maker: true, quote.Time);
            }
        }
    }

    public Task<KrakenResult<VenueFees>> GetFeesAsync(string symbol, CancellationToken cancellationToken = default)
    {
        FeeReads++;
        return Task.FromResult(KrakenResult<VenueFees>.Ok(Fees with { Symbol = symbol }));
    }

    public Task<KrakenResult<decimal>> GetTickSizeAsync(string symbol, CancellationToken cancellationToken) => Task.FromResult(KrakenResult<decimal>.Ok(0.1m));

    public Task<KrakenResult<MarketQuote>> GetQuoteAsync(string symbol, CancellationToken cancellationToken) =>
        Task.FromResult(_quote is { } q ? KrakenResult<MarketQuote>.Ok(q) : KrakenResult<MarketQuote>.Fail(KrakenErrors.NoQuote(symbol)));

    public Task<KrakenResult<VenueOrderAck>> PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken)
    {
        var quote = _quote ?? throw new InvalidOperationException("no quote yet");
        Orders.Add((request, quote));
        var id = $"O-{Orders.Count}";
        if (request.Kind == VenueOrderKind.Market)
        {
            var fill = Fill(id, request.ClientOrderId, request.Side, request.Quantity, request.Side == OrderSide.Buy ? quote.Ask : quote.Bid, maker: false, quote.Time);
            return Task.FromResult(KrakenResult<VenueOrderAck>.Ok(new VenueOrderAck(id, request.ClientOrderId!, VenueOrderStatus.Filled, [fill])));
        }

        var takes = request.Side == OrderSide.Buy ? request.LimitPrice >= quote.Ask : request.LimitPrice <= quote.Bid;
        if (takes)
        {
            return Task.FromResult(KrakenResult<VenueOrderAck>.Ok(new VenueOrderAck(id, request.ClientOrderId!, VenueOrderStatus.Cancelled, [])));
        }

        _resting.Add(new VenueOpenOrder(id, request.ClientOrderId, request.Symbol, request.Side, request.Kind, request.Quantity, 0m, request.LimitPrice, request.ReduceOnly, quote.Time));
        return Task.FromResult(KrakenResult<VenueOrderAck>.Ok(new VenueOrderAck(id, request.ClientOrderId!, VenueOrderStatus.Placed, [])));
    }

    public Task<KrakenResult<int>> CancelOrderAsync(VenueOrderRef order, CancellationToken cancellationToken)
    {
        var removed = _resting.RemoveAll(o => o.OrderId == order.OrderId);
        return Task.FromResult(removed > 0
            ? KrakenResult<int>.Ok(removed)
            : KrakenResult<int>.Fail(new KrakenError("EOrder:Unknown order", KrakenErrorCategory.InvalidInput, KrakenErrorOrigin.Exchange, "EOrder:Unknown order")));
    }

    public Task<KrakenResult<int>> CancelAllAsync(CancellationToken cancellationToken)
    {
        var count = _resting.Count;
        _resting.Clear();
        return Task.FromResult(KrakenResult<int>.Ok(count));
    }

    public Task<KrakenResult<DeadMansSwitchState>> ArmDeadMansSwitchAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.FromResult(KrakenResult<DeadMansSwitchState>.Ok(new DeadMansSwitchState(DateTimeOffset.UnixEpoch, null)));

    public Task<KrakenResult<IReadOnlyList<VenueOpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
        Task.FromResult(KrakenResult<IReadOnlyList<VenueOpenOrder>>.Ok(_resting.ToList()));

    public Task<KrakenResult<IReadOnlyList<VenueFill>>> GetTradesAsync(bool everything, Func<string, bool> known, CancellationToken cancellationToken) =>
        Task.FromResult(KrakenResult<IReadOnlyList<VenueFill>>.Ok(_fills.AsEnumerable().Reverse().ToList()));

    public Task<KrakenResult<AccountView>> GetAccountAsync(CancellationToken cancellationToken) =>
        Task.FromResult(KrakenResult<AccountView>.Ok(new AccountView(0m, new Dictionary<string, string>())));

    private VenueFill Fill(string orderId, string? clientOrderId, OrderSide side, decimal quantity, decimal price, bool maker, DateTimeOffset time)
    {
        var rate = maker ? Fees.MakerRate : Fees.TakerRate;
        var fill = new VenueFill($"F-{_fills.Count + 1}", orderId, clientOrderId, _quote!.Symbol, side, quantity, price, time, maker, new VenueFee(quantity * price * rate, "USD"));
        _fills.Add(fill);
        return fill;
    }
}
