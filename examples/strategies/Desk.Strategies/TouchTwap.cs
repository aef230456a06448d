using Bulkhead.Fleet.Fills;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Desk.Strategies;

/// <summary>
/// A desk's own execution strategy, written only against the Bulkhead SDK: works a position towards <c>target</c> (base
/// units) in slices of <c>slice_size</c>, one passive limit order at a time, one tick inside the spread so it pays the
/// maker fee and never crosses; every <c>slice_seconds</c> it cancels an unfilled slice and posts the next at the new
/// touch. Once the target is reached it works the position back to zero, then starts over: a steady, bounded flow that
/// shows a user strategy trading beside the built-in ones.
/// </summary>
public sealed class TouchTwap : IStrategy
{
    private StrategyContext _context = null!;
    private string _symbol = null!;
    private decimal _target;
    private decimal _slice;
    private TimeSpan _period;
    private bool _building = true;
    private DateTimeOffset _lastSlice = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public Task StartAsync(StrategyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _symbol = context.Symbols[0];
        _target = context.Parameters.GetDecimal("target", 0.05m);
        _slice = context.Parameters.GetDecimal("slice_size", 0.01m);
        _period = context.Parameters.GetSeconds("slice_seconds", TimeSpan.FromSeconds(4));
        _building = context.Position(_symbol) < _target;
        context.Log($"working {_symbol} towards {_target} in slices of {_slice} every {_period.TotalSeconds} s");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task OnMarketAsync(MarketQuote quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Symbol != _symbol || quote.Bid <= 0m || quote.Ask <= quote.Bid || quote.Time - _lastSlice < _period)
        {
            return;
        }

        _lastSlice = quote.Time;
        foreach (var stale in _context.OpenOrders.Where(o => o.Symbol == _symbol).ToList())
        {
            await _context.CancelOrderAsync(stale, cancellationToken).ConfigureAwait(false);
        }

        var position = _context.Position(_symbol);
        if (_building && position >= _target)
        {
            _building = false;
        }
        else if (!_building && position <= 0m)
        {
            _building = true;
        }

        var side = _building ? OrderSide.Buy : OrderSide.Sell;
        var quantity = Math.Min(_slice, _building ? _target - position : position);
        var tick = _context.TickSize(_symbol);
        var price = side == OrderSide.Buy ? _context.FloorToTick(_symbol, quote.Bid + tick) : _context.CeilingToTick(_symbol, quote.Ask - tick);
        if (quantity <= 0m || price <= quote.Bid && side == OrderSide.Sell || price >= quote.Ask && side == OrderSide.Buy)
        {
            return;
        }

        await _context.PlaceOrderAsync(new VenueOrderRequest { Symbol = _symbol, Side = side, Kind = VenueOrderKind.Limit, Quantity = quantity, LimitPrice = price }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task OnFillAsync(JournalFill fill, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnTimerAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
