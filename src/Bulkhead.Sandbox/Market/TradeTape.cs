using Bulkhead.Sandbox.Market.Internal;

namespace Bulkhead.Sandbox.Market;

/// <summary>
/// The public trade history of every book (Spot pairs and Futures instruments), in time order, for the market-data
/// endpoints: recent trades, candles built from them and windowed statistics. Keeps <see cref="Retention"/> of history
/// (Kraken's Futures <c>history</c> serves 7 days) and at most <see cref="MaxTradesPerBook"/> per book. Thread-safe.
/// </summary>
public sealed class TradeTape
{
    /// <summary>How long trades are kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(8);

    /// <summary>The most trades kept per book (the oldest go first).</summary>
    public const int MaxTradesPerBook = 2_000_000;

    private readonly Dictionary<string, Book> _books = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Appends a fill to <paramref name="symbol"/>'s tape and answers it with its public id (times never go backwards: an earlier time is raised to the last one).</summary>
    public PublicTrade Add(string symbol, DateTimeOffset time, decimal price, decimal volume, bool takerBuys, bool takerMarket)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(volume);
        lock (_gate)
        {
            if (!_books.TryGetValue(symbol, out var book))
            {
                book = new Book();
                _books.Add(symbol, book);
            }

            var trades = book.Trades;
            if (trades.Count > 0 && time < trades[^1].Time)
            {
                time = trades[^1].Time;
            }

            var trade = new PublicTrade(++book.Sequence, time, price, volume, takerBuys, takerMarket);
            trades.Add(trade);
            Prune(trades, time);
            return trade;
        }
    }

    /// <summary>The last trade of <paramref name="symbol"/>, or null.</summary>
    public PublicTrade? Last(string symbol)
    {
        lock (_gate)
        {
            return _books.TryGetValue(symbol, out var book) && book.Trades.Count > 0 ? book.Trades[^1] : null;
        }
    }

    /// <summary>Trades after <paramref name="since"/> (exclusive), oldest first, at most <paramref name="count"/>; without <paramref name="since"/>, the latest <paramref name="count"/>.</summary>
    public IReadOnlyList<PublicTrade> Since(string symbol, DateTimeOffset? since, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            if (!_books.TryGetValue(symbol, out var book))
            {
                return [];
            }

            var list = book.Trades;
            if (since is not { } from)
            {
                return list.GetRange(Math.Max(0, list.Count - count), Math.Min(count, list.Count));
            }

            var start = FirstAfter(list, from);
            return list.GetRange(start, Math.Min(count, list.Count - start));
        }
    }

    /// <summary>The latest <paramref name="count"/> trades at or before <paramref name="until"/> (null: now), newest first (Futures <c>history</c>).</summary>
    public IReadOnlyList<PublicTrade> Before(string symbol, DateTimeOffset? until, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            if (!_books.TryGetValue(symbol, out var book))
            {
                return [];
            }

            var list = book.Trades;
            var end = until is { } last ? FirstAfter(list, last) : list.Count;
            var start = Math.Max(0, end - count);
            var result = list.GetRange(start, end - start);
            result.Reverse();
            return result;
        }
    }

    /// <summary>Every kept trade of <paramref name="symbol"/> at or after <paramref name="from"/> and before <paramref name="before"/> (either may be null), oldest first.</summary>
    public IReadOnlyList<PublicTrade> Between(string symbol, DateTimeOffset? from, DateTimeOffset? before)
    {
        lock (_gate)
        {
            if (!_books.TryGetValue(symbol, out var book))
            {
                return [];
            }

            var list = book.Trades;
            var start = from is { } f ? FirstAtOrAfter(list, f) : 0;
            var end = before is { } b ? FirstAtOrAfter(list, b) : list.Count;
            return end > start ? list.GetRange(start, end - start) : [];
        }
    }

    /// <summary>Statistics of the trades in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public TradeStats Stats(string symbol, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            if (!_books.TryGetValue(symbol, out var book))
            {
                return default;
            }

            var list = book.Trades;
            decimal volume = 0m, quote = 0m, low = 0m, high = 0m, open = 0m;
            var count = 0;
            for (var i = FirstAtOrAfter(list, from); i < list.Count && list[i].Time <= to; i++)
            {
                var t = list[i];
                if (count == 0)
                {
                    open = low = high = t.Price;
                }

                low = Math.Min(low, t.Price);
                high = Math.Max(high, t.Price);
                volume += t.Volume;
                quote += t.Price * t.Volume;
                count++;
            }

            return new TradeStats(volume, volume > 0m ? quote / volume : 0m, count, low, high, open, quote);
        }
    }

    /// <summary>
    /// Candles of <paramref name="interval"/> from the one holding <paramref name="from"/> (null: as far back as trades go)
    /// through the one holding <paramref name="to"/>, without gaps once the first trade has printed (empty intervals carry
    /// the previous close); the latest <paramref name="max"/> of them.
    /// </summary>
    public IReadOnlyList<Candle> Candles(string symbol, TimeSpan interval, DateTimeOffset? from, DateTimeOffset to, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            return _books.TryGetValue(symbol, out var book) ? CandleBuilder.Build(book.Trades, interval, from, to, max) : [];
        }
    }

    private static void Prune(List<PublicTrade> trades, DateTimeOffset now)
    {
        var cutoff = now - Retention;
        var drop = 0;
        while (drop < trades.Count && (trades[drop].Time < cutoff || trades.Count - drop > MaxTradesPerBook))
        {
            drop++;
        }

        if (drop > 0 && (drop >= 1_024 || trades.Count - drop > MaxTradesPerBook))
        {
            trades.RemoveRange(0, drop);
        }
    }

    // Index of the first trade strictly after time (binary search: trades are in time order).
    internal static int FirstAfter(List<PublicTrade> trades, DateTimeOffset time)
    {
        int lo = 0, hi = trades.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (trades[mid].Time <= time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    internal static int FirstAtOrAfter(List<PublicTrade> trades, DateTimeOffset time)
    {
        int lo = 0, hi = trades.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (trades[mid].Time < time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private sealed class Book
    {
        public List<PublicTrade> Trades { get; } = [];

        public long Sequence { get; set; }
    }
}
