namespace Bulkhead.Sandbox.Market.Internal;

/// <summary>Aggregates time-ordered trades into epoch-aligned candles without gaps.</summary>
internal static class CandleBuilder
{
    public static List<Candle> Build(List<PublicTrade> trades, TimeSpan interval, DateTimeOffset? from, DateTimeOffset to, int max)
    {
        var result = new List<Candle>();
        if (trades.Count == 0)
        {
            return result;
        }

        var ticks = interval.Ticks;
        var first = Align(trades[0].Time, ticks);
        var start = from is { } f ? Max(Align(f, ticks), first) : first;
        var end = Align(to, ticks);
        if (start > end)
        {
            return result;
        }

        // Skip whole candles beyond the latest max before scanning.
        var candles = ((end - start).Ticks / ticks) + 1;
        if (candles > max)
        {
            start = start.AddTicks((candles - max) * ticks);
        }

        var index = TradeTape.FirstAtOrAfter(trades, start);
        var previousClose = index > 0 ? trades[index - 1].Price : trades[index].Price;
        for (var open = start; open <= end; open = open.AddTicks(ticks))
        {
            var close = open.AddTicks(ticks);
            decimal o = 0m, h = 0m, l = 0m, c = 0m, volume = 0m, quote = 0m;
            var count = 0;
            while (index < trades.Count && trades[index].Time < close)
            {
                var t = trades[index++];
                if (count == 0)
                {
                    o = h = l = t.Price;
                }

                h = Math.Max(h, t.Price);
                l = Math.Min(l, t.Price);
                c = t.Price;
                volume += t.Volume;
                quote += t.Price * t.Volume;
                count++;
            }

            result.Add(count == 0
                ? new Candle(open, previousClose, previousClose, previousClose, previousClose, previousClose, 0m, 0)
                : new Candle(open, o, h, l, c, quote / volume, volume, count));
            previousClose = count == 0 ? previousClose : c;
        }

        return result;
    }

    private static DateTimeOffset Align(DateTimeOffset time, long intervalTicks)
    {
        var sinceEpoch = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(sinceEpoch - (((sinceEpoch % intervalTicks) + intervalTicks) % intervalTicks));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
