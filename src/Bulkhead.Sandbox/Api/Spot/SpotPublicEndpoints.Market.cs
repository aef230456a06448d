using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>
/// Market data over the real books and trades (spot.md §7.3): <c>Ticker</c>, <c>Depth</c>, <c>Trades</c>, <c>OHLC</c>,
/// <c>Spread</c>, each keyed by the AssetPairs id whatever name the client sent. Prices carry the pair's
/// <c>pair_decimals</c>, volumes its <c>lot_decimals</c>; a bad parameter answers <c>EGeneral:Invalid arguments:&lt;name&gt;</c>,
/// an unknown pair <c>EQuery:Unknown asset pair</c>.
/// </summary>
internal static partial class SpotPublicEndpoints
{
    private const int MaxCandles = 720;

    private static SpotAnswer Ticker(SpotParameters parameters, MarketData market, TimeProvider time)
    {
        var pairs = new List<SandboxPair>();
        if (parameters["pair"] is { Length: > 0 } names)
        {
            foreach (var name in names.Split(',', StringSplitOptions.TrimEntries))
            {
                if (PairCatalog.Find(name) is not { } pair)
                {
                    return KrakenErrors.UnknownAssetPair;
                }

                pairs.Add(pair);
            }
        }
        else
        {
            pairs.AddRange(PairCatalog.All);
        }

        market.Sync();
        var now = time.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            foreach (var pair in pairs.Distinct())
            {
                var ticker = market.Ticker(TradingVenue.Spot, pair.Id, now);
                var last = ticker.Last;
                var day = market.Tape.Stats(pair.Id, today, now);
                var rolling = ticker.Day;
                w.WriteStartObject(pair.Id);
                TopOfBook(w, "a", ticker.Ask, pair);
                TopOfBook(w, "b", ticker.Bid, pair);
                w.WriteStartArray("c");
                w.WriteStringValue(Price(last?.Price ?? 0m, pair));
                w.WriteStringValue(Volume(last?.Volume ?? 0m, pair));
                w.WriteEndArray();
                Pair(w, "v", Volume(day.Volume, pair), Volume(rolling.Volume, pair));
                Pair(w, "p", Price(day.Vwap, pair), Price(rolling.Vwap, pair));
                w.WriteStartArray("t");
                w.WriteNumberValue(day.Count);
                w.WriteNumberValue(rolling.Count);
                w.WriteEndArray();
                Pair(w, "l", Price(day.Low, pair), Price(rolling.Low, pair));
                Pair(w, "h", Price(day.High, pair), Price(rolling.High, pair));
                w.WriteString("o", Price(day.Count > 0 ? day.Open : last?.Price ?? 0m, pair));
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }

    private static SpotAnswer Depth(SpotParameters parameters, MarketData market, TimeProvider time)
    {
        if (OnePair(parameters) is not { } pair)
        {
            return PairError(parameters);
        }

        if (!Count(parameters["count"], 100, 500, out var count))
        {
            return KrakenErrors.InvalidArguments + ":count";
        }

        var depth = market.Depth(TradingVenue.Spot, pair.Id, count);
        var stamp = time.GetUtcNow().ToUnixTimeSeconds();
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject(pair.Id);
            Levels(w, "asks", depth.Asks, pair, stamp);
            Levels(w, "bids", depth.Bids, pair, stamp);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static SpotAnswer Trades(SpotParameters parameters, MarketData market)
    {
        if (OnePair(parameters) is not { } pair)
        {
            return PairError(parameters);
        }

        if (!Since(parameters["since"], out var since))
        {
            return KrakenErrors.InvalidArguments + ":since";
        }

        if (!Count(parameters["count"], 1000, 1000, out var count))
        {
            return KrakenErrors.InvalidArguments + ":count";
        }

        market.Sync();
        var trades = market.Tape.Since(pair.Id, since, count);
        var last = trades.Count > 0 ? trades[^1].Time : since ?? DateTimeOffset.UnixEpoch;
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(pair.Id);
            foreach (var t in trades)
            {
                w.WriteStartArray();
                w.WriteStringValue(Price(t.Price, pair));
                w.WriteStringValue(Volume(t.Volume, pair));
                w.WriteNumberValue(decimal.Round((t.Time - DateTimeOffset.UnixEpoch).Ticks / (decimal)TimeSpan.TicksPerSecond, 4, MidpointRounding.ToZero));
                w.WriteStringValue(t.TakerBuys ? "b" : "s");
                w.WriteStringValue(t.TakerMarket ? "m" : "l");
                w.WriteStringValue(string.Empty);
                w.WriteNumberValue(t.Id);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteString("last", Nanoseconds(last));
            w.WriteEndObject();
        });
    }

    private static SpotAnswer Ohlc(SpotParameters parameters, MarketData market, TimeProvider time)
    {
        if (OnePair(parameters) is not { } pair)
        {
            return PairError(parameters);
        }

        var minutes = 1;
        if (parameters["interval"] is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || !CandleIntervals.IsServed(minutes)))
        {
            return KrakenErrors.InvalidArguments + ":interval";
        }

        if (!Since(parameters["since"], out var since))
        {
            return KrakenErrors.InvalidArguments + ":since";
        }

        market.Sync();
        var interval = TimeSpan.FromMinutes(minutes);
        var now = time.GetUtcNow();
        var candles = market.Tape.Candles(pair.Id, interval, since, now, MaxCandles);
        var selected = since is { } from ? candles.Where(c => c.Time > from).ToList() : candles;
        var current = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / (minutes * 60L) * minutes * 60L);
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(pair.Id);
            foreach (var c in selected)
            {
                w.WriteStartArray();
                w.WriteNumberValue(c.Time.ToUnixTimeSeconds());
                w.WriteStringValue(Price(c.Open, pair));
                w.WriteStringValue(Price(c.High, pair));
                w.WriteStringValue(Price(c.Low, pair));
                w.WriteStringValue(Price(c.Close, pair));
                w.WriteStringValue(Price(c.Vwap, pair));
                w.WriteStringValue(Volume(c.Volume, pair));
                w.WriteNumberValue(c.Count);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteNumber("last", (current - interval).ToUnixTimeSeconds());
            w.WriteEndObject();
        });
    }

    private static SpotAnswer Spread(SpotParameters parameters, MarketData market)
    {
        if (OnePair(parameters) is not { } pair)
        {
            return PairError(parameters);
        }

        if (!Since(parameters["since"], out var since))
        {
            return KrakenErrors.InvalidArguments + ":since";
        }

        market.Sync();
        var samples = market.Spreads.Since(pair.Id, since);
        var last = samples.Count > 0 ? samples[^1].Time : since ?? DateTimeOffset.UnixEpoch;
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(pair.Id);
            foreach (var s in samples)
            {
                w.WriteStartArray();
                w.WriteNumberValue(s.Time.ToUnixTimeSeconds());
                w.WriteStringValue(Price(s.Bid, pair));
                w.WriteStringValue(Price(s.Ask, pair));
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteNumber("last", last.ToUnixTimeSeconds());
            w.WriteEndObject();
        });
    }

    private static SandboxPair? OnePair(SpotParameters parameters) =>
        parameters["pair"] is { Length: > 0 } name && !name.Contains(',', StringComparison.Ordinal) ? PairCatalog.Find(name.Trim()) : null;

    // No pair, or several where one is expected: invalid arguments; one unknown pair: Kraken's unknown-pair error.
    private static string PairError(SpotParameters parameters) =>
        parameters["pair"] is { Length: > 0 } name && !name.Contains(',', StringComparison.Ordinal) ? KrakenErrors.UnknownAssetPair : KrakenErrors.InvalidArguments + ":pair";

    private static bool Count(string? text, int fallback, int max, out int count)
    {
        count = fallback;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1 && count <= max);
    }

    // Kraken's since: Unix seconds (a decimal allowed) or, for Trades' cursor, nanoseconds (anything above 10^12). A
    // negative value means "from the start" (ccxt's kraken fetchOHLCV sends since=-60 for a limit without since).
    private static bool Since(string? text, out DateTimeOffset? since)
    {
        since = null;
        if (text is null)
        {
            return true;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value > 4_102_444_800_000_000_000m)
        {
            return false;
        }

        if (value < 0m)
        {
            since = DateTimeOffset.UnixEpoch;
            return true;
        }

        var seconds = value > 1_000_000_000_000m ? value / 1_000_000_000m : Math.Min(value, 4_102_444_800m);
        since = DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond, 0, MidpointRounding.ToZero));
        return true;
    }

    private static string Nanoseconds(DateTimeOffset time) =>
        ((time - DateTimeOffset.UnixEpoch).Ticks * 100L).ToString(CultureInfo.InvariantCulture);

    private static string Price(decimal value, SandboxPair pair) => Fixed(value, pair.PairDecimals);

    private static string Volume(decimal value, SandboxPair pair) => Fixed(value, pair.LotDecimals);

    private static string Fixed(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.ToEven).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void Pair(Utf8JsonWriter w, string name, string today, string rolling)
    {
        w.WriteStartArray(name);
        w.WriteStringValue(today);
        w.WriteStringValue(rolling);
        w.WriteEndArray();
    }

    // Kraken's a/b: [price, whole lot volume, lot volume].
    private static void TopOfBook(Utf8JsonWriter w, string name, MarketLevel? top, SandboxPair pair)
    {
        var level = top ?? default;
        w.WriteStartArray(name);
        w.WriteStringValue(Price(level.Price, pair));
        w.WriteStringValue(decimal.Floor(level.Volume).ToString(CultureInfo.InvariantCulture));
        w.WriteStringValue(Volume(level.Volume, pair));
        w.WriteEndArray();
    }

    private static void Levels(Utf8JsonWriter w, string name, IReadOnlyList<MarketLevel> levels, SandboxPair pair, long stamp)
    {
        w.WriteStartArray(name);
        foreach (var level in levels)
        {
            w.WriteStartArray();
            w.WriteStringValue(Price(level.Price, pair));
            w.WriteStringValue(Volume(level.Volume, pair));
            w.WriteNumberValue(stamp);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
