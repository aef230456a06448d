using Bulkhead.Fleet.Fills;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Strategies;

/// <summary>
/// <c>spot-market-maker</c>: keeps one post-only bid and one post-only ask of <c>order_size</c> around the mid,
/// <c>spread_bps</c> apart, skewed against its inventory (long → both quotes lower, so it sells more readily), and
/// re-quotes a side when its target price has moved <c>requote_bps</c> (default half the spread) from the resting
/// price, no sooner than <c>min_quote_seconds</c> (default 3) after placing it — cancels of young orders cost Kraken's
/// rate counter most. A side whose order would break the position or notional limit is not quoted.
/// </summary>
public sealed class SpotMarketMaker : IStrategy
{
    /// <summary>The kind's name in the manifest.</summary>
    public const string Kind = "spot-market-maker";

    private StrategyContext _context = null!;
    private string _symbol = null!;
    private decimal _spreadBps;
    private decimal _size;
    private decimal _requoteBps;
    private decimal _maxInventory;
    private TimeSpan _minQuoteAge;

    /// <inheritdoc />
    public Task StartAsync(StrategyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _symbol = context.Symbols[0];
        _spreadBps = context.Parameters.GetDecimal("spread_bps", 10m);
        _size = context.Parameters.GetDecimal("order_size", 0.01m);
        _requoteBps = context.Parameters.GetDecimal("requote_bps", _spreadBps / 2m);
        _maxInventory = context.Parameters.GetDecimal("max_inventory", context.Risk?.MaxPosition ?? (10m * _size));
        _minQuoteAge = context.Parameters.GetSeconds("min_quote_seconds", TimeSpan.FromSeconds(3));
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

        var mid = quote.Mid;
        var half = mid * _spreadBps / 20_000m;
        var inventory = Math.Clamp(_context.Position(_symbol) / _maxInventory, -1m, 1m);
        var skew = inventory * half;
        var bid = _context.FloorToTick(_symbol, mid - half - skew);
        var ask = _context.CeilingToTick(_symbol, mid + half - skew);
        await QuoteAsync(OrderSide.Buy, Math.Min(bid, _context.FloorToTick(_symbol, quote.Ask - _context.TickSize(_symbol))), mid, cancellationToken).ConfigureAwait(false);
        await QuoteAsync(OrderSide.Sell, Math.Max(ask, _context.CeilingToTick(_symbol, quote.Bid + _context.TickSize(_symbol))), mid, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task OnFillAsync(JournalFill fill, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnTimerAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task QuoteAsync(OrderSide side, decimal price, decimal mid, CancellationToken cancellationToken)
    {
        var resting = _context.OpenOrders.Where(o => o.Symbol == _symbol && o.Side == side).ToList();
        foreach (var order in resting)
        {
            var drift = Math.Abs((order.LimitPrice ?? price) - price) / mid * 10_000m;
            if (drift < _requoteBps || _context.Time.GetUtcNow() - order.PlacedAt < _minQuoteAge)
            {
                return; // close enough, or too young to cancel cheaply
            }

            var cancelled = await _context.CancelOrderAsync(order, cancellationToken).ConfigureAwait(false);
            if (!cancelled.Success)
            {
                return; // filled meanwhile, or the exchange refused: the next poll sees the truth
            }
        }

        if (_context.Headroom(_symbol, side, price) is { } room && room < _size)
        {
            return; // quoting this side would break a limit: let the other side work the inventory down
        }

        await _context.PlaceOrderAsync(
            new VenueOrderRequest { Symbol = _symbol, Side = side, Kind = VenueOrderKind.PostOnly, Quantity = _size, LimitPrice = price },
            cancellationToken).ConfigureAwait(false);
    }
}
