using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Market;

/// <summary>
/// The public market data over the real books: depth read from the trading core, public trades copied from committed
/// fills into a <see cref="TradeTape"/> (on every read and every market step, so it never lags a request), and the top of
/// each book sampled into a <see cref="SpreadLog"/>. Thread-safe.
/// </summary>
public sealed class MarketData
{
    private readonly SandboxExchange _exchange;
    private readonly TimeProvider _time;
    private readonly Lock _sync = new();
    private readonly List<PublicFill> _buffer = [];
    private readonly List<MarketLevel> _bids = [];
    private readonly List<MarketLevel> _asks = [];
    private long _lastSequence;

    /// <summary>Market data of <paramref name="exchange"/>; the tape starts with every fill already committed.</summary>
    public MarketData(SandboxExchange exchange, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(time);
        _exchange = exchange;
        _time = time;
        Sync();
    }

    /// <summary>Public trades of every book.</summary>
    public TradeTape Tape { get; } = new();

    /// <summary>Recent tops of book.</summary>
    public SpreadLog Spreads { get; } = new();

    /// <summary>The exchange read.</summary>
    public SandboxExchange Exchange => _exchange;

    /// <summary>Copies fills committed since the last call into the tape and samples the top of every listed book.</summary>
    public void Sync()
    {
        lock (_sync)
        {
            TapeLocked(null);
            var now = _time.GetUtcNow();
            foreach (var instrument in MarketInstrument.All)
            {
                _exchange.MarketDepth(instrument.Venue, instrument.Symbol, 1, _bids, _asks);
                if (_bids.Count > 0 && _asks.Count > 0)
                {
                    Spreads.Record(instrument.Symbol, now, _bids[0].Price, _asks[0].Price);
                }
            }
        }
    }

    /// <summary>
    /// Copies fills committed since the last call into the tape, appending each trade it taped, with its public id, to
    /// <paramref name="taped"/> (the WebSocket <c>trade</c> channel publishes exactly what REST <c>Trades</c> serves).
    /// Samples no spreads: the socket pump calls this on every pulse, and spreads are sampled by REST reads and market steps.
    /// </summary>
    public void SyncTrades(List<(string Symbol, PublicTrade Trade)> taped)
    {
        ArgumentNullException.ThrowIfNull(taped);
        lock (_sync)
        {
            TapeLocked(taped);
        }
    }

    private void TapeLocked(List<(string Symbol, PublicTrade Trade)>? taped)
    {
        _buffer.Clear();
        _lastSequence = _exchange.PublicFillsAfter(_lastSequence, _buffer);
        foreach (var fill in _buffer)
        {
            var trade = Tape.Add(fill.Symbol, fill.Time, fill.Price, fill.Volume, fill.TakerBuys, fill.TakerMarket);
            taped?.Add((fill.Symbol, trade));
        }
    }

    /// <summary>The best <paramref name="levels"/> levels of each side of a book (0: the whole book), best first.</summary>
    public BookDepth Depth(TradingVenue venue, string symbol, int levels)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        var bids = new List<MarketLevel>();
        var asks = new List<MarketLevel>();
        _exchange.MarketDepth(venue, symbol, levels, bids, asks);
        return new BookDepth(bids, asks);
    }

    /// <summary>The ticker figures of a book at <paramref name="now"/> (24 h window ending then); read the tape after a <see cref="Sync()"/>.</summary>
    public MarketTicker Ticker(TradingVenue venue, string symbol, DateTimeOffset now)
    {
        var top = Depth(venue, symbol, 1);
        var derivatives = venue == TradingVenue.Futures
            ? Figures(symbol)
            : (DerivativesFigures?)null;
        return new MarketTicker(
            top.Bids.Count > 0 ? top.Bids[0] : null,
            top.Asks.Count > 0 ? top.Asks[0] : null,
            Tape.Last(symbol),
            Tape.Stats(symbol, now.AddDays(-1), now),
            derivatives);
    }

    private DerivativesFigures Figures(string symbol)
    {
        var (current, predicted) = _exchange.FundingRates(symbol);
        return new DerivativesFigures(_exchange.MarkPrices.Mark(symbol), _exchange.MarkPrices.Index(symbol), current, _exchange.OpenInterest(symbol), predicted);
    }

    /// <summary>The tape key of a published price series: <c>mark:PF_XBTUSD</c> or <c>spot:PF_XBTUSD</c> (the index).</summary>
    public static string PriceSeries(string kind, string symbol) => kind + ":" + symbol;

    /// <summary>Records the mark and index prices published for a Futures instrument (the charts API's <c>mark</c> and <c>spot</c> candles).</summary>
    public void RecordPrices(string symbol, decimal mark, decimal index)
    {
        var now = _time.GetUtcNow();
        Tape.Add(PriceSeries("mark", symbol), now, mark, 1m, takerBuys: true, takerMarket: false);
        Tape.Add(PriceSeries("spot", symbol), now, index, 1m, takerBuys: true, takerMarket: false);
    }
}
