using Bulkhead.Fleet.Fills;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Strategies;

/// <summary>
/// <c>spot-market-maker</c>: keeps one post-only bid and one post-only ask of <c>order_size</c> around the mid, and only
/// where the spread pays: the quotes are at least 2 × the maker fee (at the fleet's consolidated tier, read through
/// <see cref="StrategyContext.FeesAsync"/>) + <c>edge_bps</c> (default 2) apart, or <c>spread_bps</c> when that is wider.
/// The quotes are skewed against the inventory (long → both lower, so it sells more readily), never so far that a quote
/// comes nearer the mid than its own maker fee. A side is re-quoted when its target has moved <c>requote_bps</c> (default
/// a quarter of the spread) from the resting price, no sooner than <c>min_quote_seconds</c> (default 3) after placing it
/// — cancels of young orders cost Kraken's rate counter most — except that a resting order the market has pulled inside
/// the paying band is cancelled at once. A side whose order would break the position or notional limit is not quoted.
/// </summary>
public sealed class SpotMarketMaker : IStrategy
{
    /// <summary>The kind's name in the manifest.</summary>
    public const string Kind = "spot-market-maker";

    private StrategyContext _context = null!;
    private string _symbol = null!;
    private decimal _spreadBps;
    private decimal _edgeBps;
    private decimal _size;
    private decimal? _requoteBps;
    private decimal _maxInventory;
    private TimeSpan _minQuoteAge;

    /// <inheritdoc />
    public async Task StartAsync(StrategyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _symbol = context.Symbols[0];
        _spreadBps = context.Parameters.GetDecimal("spread_bps", 0m, allowZero: true);
        _edgeBps = context.Parameters.GetDecimal("edge_bps", 2m, allowZero: true);
        _size = context.Parameters.GetDecimal("order_size", 0.01m);
        _requoteBps = context.Parameters.Values.ContainsKey("requote_bps") ? context.Parameters.GetDecimal("requote_bps", 0m) : null;
        _maxInventory = context.Parameters.GetDecimal("max_inventory", context.Risk?.MaxPosition ?? (10m * _size));
        _minQuoteAge = context.Parameters.GetSeconds("min_quote_seconds", TimeSpan.FromSeconds(3));
        var fees = await context.FeesAsync(_symbol, cancellationToken).ConfigureAwait(false);
        context.Log($"maker fee {fees.MakerPercent} % → quotes at least {QuoteBand.Of(fees.MakerRate, _edgeBps, _spreadBps).SpreadBps:0.##} bp apart");
    }

    /// <inheritdoc />
    public async Task OnMarketAsync(MarketQuote quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Symbol != _symbol || quote.Bid <= 0m || quote.Ask <= quote.Bid)
        {
            return;
        }

        var fees = await _context.FeesAsync(_symbol, cancellationToken).ConfigureAwait(false);
        var band = QuoteBand.Of(fees.MakerRate, _edgeBps, _spreadBps);
        var mid = quote.Mid;
        var inventory = Math.Clamp(_context.Position(_symbol) / _maxInventory, -1m, 1m);
        var (bidTarget, askTarget) = band.Quotes(mid, inventory);
        var tick = _context.TickSize(_symbol);

        // Post-only may not cross: a bid stays below the market's ask, an ask above its bid (both only widen the spread).
        var bid = Math.Min(_context.FloorToTick(_symbol, bidTarget), _context.FloorToTick(_symbol, quote.Ask - tick));
        var ask = Math.Max(_context.CeilingToTick(_symbol, askTarget), _context.CeilingToTick(_symbol, quote.Bid + tick));
        var requote = _requoteBps ?? (band.SpreadBps / 4m);
        await QuoteAsync(OrderSide.Buy, bid, mid, band, requote, cancellationToken).ConfigureAwait(false);
        await QuoteAsync(OrderSide.Sell, ask, mid, band, requote, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task OnFillAsync(JournalFill fill, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnTimerAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task QuoteAsync(OrderSide side, decimal price, decimal mid, QuoteBand band, decimal requoteBps, CancellationToken cancellationToken)
    {
        var now = _context.Time.GetUtcNow();
        foreach (var order in _context.OpenOrders.Where(o => o.Symbol == _symbol && o.Side == side).ToList())
        {
            var resting = order.LimitPrice ?? price;
            var drift = Math.Abs(resting - price) / mid * 10_000m;
            var paying = band.Pays(side, resting, mid);
            if (paying && (drift < requoteBps || now - order.PlacedAt < _minQuoteAge))
            {
                return; // close enough, or too young to cancel cheaply, and still paying its fee
            }

            var cancelled = await _context.CancelOrderAsync(order, cancellationToken).ConfigureAwait(false);
            if (!cancelled.Success)
            {
                return; // filled meanwhile, or the exchange refused: the next poll sees the truth
            }
        }

        // Against the other side's resting quote too: the pair is never nearer than the band, whatever the mid did since.
        var opposite = _context.OpenOrders.Where(o => o.Symbol == _symbol && o.Side != side && o.LimitPrice is not null).Select(o => o.LimitPrice!.Value).ToList();
        if (opposite.Count > 0)
        {
            price = side == OrderSide.Buy
                ? Math.Min(price, _context.FloorToTick(_symbol, band.HighestBidBelow(opposite.Min())))
                : Math.Max(price, _context.CeilingToTick(_symbol, band.LowestAskAbove(opposite.Max())));
        }

        if (price <= 0m || (_context.Headroom(_symbol, side, price) is { } room && room < _size))
        {
            return; // quoting this side would break a limit: let the other side work the inventory down
        }

        await _context.PlaceOrderAsync(
            new VenueOrderRequest { Symbol = _symbol, Side = side, Kind = VenueOrderKind.PostOnly, Quantity = _size, LimitPrice = price },
            cancellationToken).ConfigureAwait(false);
    }
}
