using Bulkhead.Fleet.Fills;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Strategies;

/// <summary>
/// <c>futures-directional</c>: follows the trend of the last <c>lookback_seconds</c> (a move beyond
/// <c>threshold_bps</c>, default 2, sets it; smaller moves keep the last one) and builds its position towards
/// ±<c>target_position</c> contracts in market orders of at most <c>order_size</c>, one per <c>cooldown_seconds</c>
/// (default 2). When the trend flips it first closes the position with reduce-only orders, then builds the other way.
/// </summary>
public sealed class FuturesDirectional : IStrategy
{
    /// <summary>The kind's name in the manifest.</summary>
    public const string Kind = "futures-directional";

    private StrategyContext _context = null!;
    private string _symbol = null!;
    private PriceWindow _window = null!;
    private decimal _target;
    private decimal _size;
    private decimal _threshold;
    private TimeSpan _cooldown;
    private int _trend;
    private DateTimeOffset _lastOrder = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public Task StartAsync(StrategyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _symbol = context.Symbols[0];
        _window = new PriceWindow(context.Parameters.GetSeconds("lookback_seconds", TimeSpan.FromSeconds(15)));
        _target = context.Parameters.GetDecimal("target_position", 0.5m);
        _size = context.Parameters.GetDecimal("order_size", 0.1m);
        _threshold = context.Parameters.GetDecimal("threshold_bps", 2m, allowZero: true);
        _cooldown = context.Parameters.GetSeconds("cooldown_seconds", TimeSpan.FromSeconds(2));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OnMarketAsync(MarketQuote quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Symbol == _symbol && quote.Bid > 0m && quote.Ask > quote.Bid)
        {
            _window.Add(quote.Time, quote.Mid);
            if (_window.MoveBps() is { } move && Math.Abs(move) > _threshold)
            {
                _trend = Math.Sign(move);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OnFillAsync(JournalFill fill, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        var now = _context.Time.GetUtcNow();
        if (_trend == 0 || now - _lastOrder < _cooldown || _context.Quote(_symbol) is not { } quote)
        {
            return;
        }

        var position = _context.Position(_symbol);
        var delta = (_trend * _target) - position;
        if (Math.Abs(delta) < _size / 100m)
        {
            return;
        }

        var side = delta > 0m ? OrderSide.Buy : OrderSide.Sell;
        var reducing = position != 0m && Math.Sign(delta) != Math.Sign(position);
        var quantity = decimal.Round(Math.Min(_size, reducing ? Math.Abs(position) : Math.Abs(delta)), 4, MidpointRounding.ToZero);
        if (quantity <= 0m)
        {
            return;
        }

        if (!reducing && _context.Headroom(_symbol, side, quote.Mark) is { } room && room < quantity)
        {
            return;
        }

        _lastOrder = now;
        await _context.PlaceOrderAsync(
            new VenueOrderRequest { Symbol = _symbol, Side = side, Kind = VenueOrderKind.Market, Quantity = quantity, ReduceOnly = reducing },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
