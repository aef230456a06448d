using Bulkhead.Fleet.Fills;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Strategies;

/// <summary>
/// <c>spot-momentum</c>: when the mid has moved more than <c>threshold_bps</c> over the last <c>lookback_seconds</c>, buys
/// (up) or sells (down) <c>order_size</c> at market, at most once per <c>cooldown_seconds</c> (default half the
/// lookback), keeping its position within ±<c>max_units</c> × <c>order_size</c> (default 5) of where it started.
/// Selling needs base inventory on the subaccount (the example funds some).
/// </summary>
public sealed class SpotMomentum : IStrategy
{
    /// <summary>The kind's name in the manifest.</summary>
    public const string Kind = "spot-momentum";

    private StrategyContext _context = null!;
    private string _symbol = null!;
    private PriceWindow _window = null!;
    private decimal _threshold;
    private decimal _size;
    private decimal _maxPosition;
    private TimeSpan _cooldown;
    private DateTimeOffset _lastTrade = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public Task StartAsync(StrategyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _symbol = context.Symbols[0];
        var lookback = context.Parameters.GetSeconds("lookback_seconds", TimeSpan.FromSeconds(10));
        _window = new PriceWindow(lookback);
        _threshold = context.Parameters.GetDecimal("threshold_bps", 5m);
        _size = context.Parameters.GetDecimal("order_size", 0.1m);
        _maxPosition = context.Parameters.GetDecimal("max_units", 5m) * _size;
        _cooldown = context.Parameters.GetSeconds("cooldown_seconds", lookback / 2);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task OnMarketAsync(MarketQuote quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Symbol != _symbol || quote.Bid <= 0m || quote.Ask <= quote.Bid)
        {
            return;
        }

        _window.Add(quote.Time, quote.Mid);
        if (_window.MoveBps() is not { } move || quote.Time - _lastTrade < _cooldown || Math.Abs(move) <= _threshold)
        {
            return;
        }

        var side = move > 0m ? OrderSide.Buy : OrderSide.Sell;
        var position = _context.Position(_symbol);
        var after = side == OrderSide.Buy ? position + _size : position - _size;
        if (Math.Abs(after) > _maxPosition && Math.Abs(after) > Math.Abs(position))
        {
            return;
        }

        if (_context.Headroom(_symbol, side, quote.Mid) is { } room && room < _size && Math.Abs(after) > Math.Abs(position))
        {
            return;
        }

        _lastTrade = quote.Time;
        await _context.PlaceOrderAsync(new VenueOrderRequest { Symbol = _symbol, Side = side, Kind = VenueOrderKind.Market, Quantity = _size }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task OnFillAsync(JournalFill fill, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnTimerAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
