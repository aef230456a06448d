using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Sandbox.Api.Futures;

/// <summary>
/// Futures market data over the real books and trades (futures.md §6.13, Appendix A): tickers, <c>orderbook</c>,
/// <c>history</c> (public trades) and the charts API. A missing or malformed argument answers HTTP 400 with
/// <c>requiredArgumentMissing</c> / <c>invalidArgument: &lt;name&gt;</c>, an unknown symbol HTTP 404 <c>contractNotFound</c>
/// (as <c>tickers/{symbol}</c>); never a 500.
/// </summary>
public static partial class FuturesApi
{
    private const int HistoryCount = 100;
    private const int DefaultCandleCount = 5000;
    private const int MaxCandleCount = 5000;

    private static readonly Dictionary<string, TimeSpan> Resolutions = new(StringComparer.Ordinal)
    {
        ["1m"] = TimeSpan.FromMinutes(1),
        ["5m"] = TimeSpan.FromMinutes(5),
        ["15m"] = TimeSpan.FromMinutes(15),
        ["30m"] = TimeSpan.FromMinutes(30),
        ["1h"] = TimeSpan.FromHours(1),
        ["4h"] = TimeSpan.FromHours(4),
        ["12h"] = TimeSpan.FromHours(12),
        ["1d"] = TimeSpan.FromDays(1),
        ["1w"] = TimeSpan.FromDays(7),
    };

    private static void MapCharts(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/charts/v1/{tickType}/{symbol}/{resolution}", (HttpContext context, string tickType, string symbol, string resolution) =>
            PublicAsync(context, time => Chart(context, time, tickType, symbol, resolution)));
        MapMarketHistory(routes);
    }

    private static MarketData MarketOf(HttpContext context)
    {
        var market = context.RequestServices.GetRequiredService<MarketData>();
        market.Sync();
        return market;
    }

    /// <summary>A market ticker from the book (bid/ask), the tape (last, 24 h figures), margin (mark, index) positions (open interest) and funding (the last published rate and the hour's prediction, absolute).</summary>
    private static JsonObject Ticker(FuturesInstrumentSpec i, MarketData market, TimeProvider time)
    {
        var figures = market.Ticker(TradingVenue.Futures, i.Symbol, time.GetUtcNow());
        var derivatives = figures.Derivatives!.Value;
        var day = figures.Day;
        var ticker = new JsonObject
        {
            ["tag"] = "perpetual",
            ["pair"] = i.Pair,
            ["symbol"] = i.Symbol,
            ["markPrice"] = FuturesWire.Number(derivatives.Mark),
            ["indexPrice"] = FuturesWire.Number(derivatives.Index),
        };
        if (figures.Bid is { } bid)
        {
            ticker["bid"] = FuturesWire.Number(bid.Price);
            ticker["bidSize"] = FuturesWire.Number(bid.Volume);
        }

        if (figures.Ask is { } ask)
        {
            ticker["ask"] = FuturesWire.Number(ask.Price);
            ticker["askSize"] = FuturesWire.Number(ask.Volume);
        }

        if (figures.Last is { } last)
        {
            ticker["last"] = FuturesWire.Number(last.Price);
            ticker["lastTime"] = FuturesWire.Time(last.Time);
            ticker["lastSize"] = FuturesWire.Number(last.Volume);
        }

        ticker["vol24h"] = FuturesWire.Number(day.Volume);
        ticker["volumeQuote"] = FuturesWire.Number(decimal.Round(day.QuoteVolume, 8));
        ticker["openInterest"] = FuturesWire.Number(derivatives.OpenInterest);
        if (day.Count > 0)
        {
            ticker["open24h"] = FuturesWire.Number(day.Open);
            ticker["high24h"] = FuturesWire.Number(day.High);
            ticker["low24h"] = FuturesWire.Number(day.Low);
            ticker["change24h"] = FuturesWire.Number(decimal.Round(figures.ChangePercent, 8));
        }

        ticker["fundingRate"] = FuturesWire.Number(derivatives.FundingRate);
        ticker["fundingRatePrediction"] = FuturesWire.Number(derivatives.FundingRatePrediction);
        ticker["suspended"] = false;
        ticker["postOnly"] = false;
        return ticker;
    }

    private static IResult OrderBook(HttpContext context, TimeProvider time)
    {
        if (Symbol(context, time, out var instrument) is { } refused)
        {
            return refused;
        }

        var depth = MarketOf(context).Depth(TradingVenue.Futures, instrument!.Symbol, 0);
        return FuturesWire.Success(time, new JsonObject
        {
            ["orderBook"] = new JsonObject { ["bids"] = Levels(depth.Bids), ["asks"] = Levels(depth.Asks) },
        });
    }

    private static IResult History(HttpContext context, TimeProvider time)
    {
        if (Symbol(context, time, out var instrument) is { } refused)
        {
            return refused;
        }

        DateTimeOffset? until = null;
        if (Single(context, "lastTime", out var text) is { } repeated)
        {
            return BadArgument(time, repeated);
        }

        if (text is not null)
        {
            if (ParseTime(text) is not { } parsed)
            {
                return BadArgument(time, "lastTime");
            }

            until = parsed;
        }

        var trades = MarketOf(context).Tape.Before(instrument!.Symbol, until, HistoryCount);
        var history = new JsonArray();
        foreach (var t in trades)
        {
            history.Add(new JsonObject
            {
                ["time"] = FuturesWire.Time(t.Time),
                ["trade_id"] = t.Id,
                ["price"] = FuturesWire.Number(t.Price),
                ["size"] = FuturesWire.Number(t.Volume),
                ["side"] = t.TakerBuys ? "buy" : "sell",
                ["type"] = "fill",
                ["uid"] = TradeUid(instrument.Symbol, t.Id),
            });
        }

        return FuturesWire.Success(time, new JsonObject { ["history"] = history });
    }

    // Charts: trade candles from the tape; mark and spot (index) candles from the prices the market published each step (volume 0).
    private static IResult Chart(HttpContext context, TimeProvider time, string tickType, string symbol, string resolution)
    {
        if (tickType is not ("trade" or "mark" or "spot"))
        {
            return BadArgument(time, "tick_type");
        }

        if (InstrumentCatalog.Find(symbol) is not { } instrument)
        {
            return FuturesWire.Error(time, KrakenErrors.FuturesContractNotFound, StatusCodes.Status404NotFound);
        }

        if (!Resolutions.TryGetValue(resolution, out var interval))
        {
            return BadArgument(time, "resolution");
        }

        var now = time.GetUtcNow();
        if (EpochSeconds(context, "from", out var from) is { } badFrom)
        {
            return BadArgument(time, badFrom);
        }

        if (EpochSeconds(context, "to", out var to) is { } badTo)
        {
            return BadArgument(time, badTo);
        }

        var count = DefaultCandleCount;
        if (Single(context, "count", out var countText) is { } repeated)
        {
            return BadArgument(time, repeated);
        }

        if (countText is not null && (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxCandleCount))
        {
            return BadArgument(time, "count");
        }

        var market = MarketOf(context);
        var key = tickType == "trade" ? instrument.Symbol : MarketData.PriceSeries(tickType, instrument.Symbol);
        var end = to is { } t && t < now ? t : now;
        var all = market.Tape.Candles(key, interval, from, end, int.MaxValue);
        var inRange = all.Where(c => (from is not { } f || c.Time >= f) && c.Time <= end).ToList();
        var page = from is null ? inRange.Skip(Math.Max(0, inRange.Count - count)).ToList() : inRange.Take(count).ToList();
        var candles = new JsonArray();
        foreach (var c in page)
        {
            candles.Add(new JsonObject
            {
                ["time"] = c.Time.ToUnixTimeMilliseconds(),
                ["open"] = FuturesWire.Decimal(c.Open),
                ["high"] = FuturesWire.Decimal(c.High),
                ["low"] = FuturesWire.Decimal(c.Low),
                ["close"] = FuturesWire.Decimal(c.Close),
                ["volume"] = FuturesWire.Decimal(tickType == "trade" ? c.Volume : 0m),
            });
        }

        return FuturesWire.Json(new JsonObject { ["candles"] = candles, ["more_candles"] = from is not null && inRange.Count > count });
    }

    // The required `symbol` query argument, as a known instrument; otherwise the refusal.
    private static IResult? Symbol(HttpContext context, TimeProvider time, out FuturesInstrumentSpec? instrument)
    {
        instrument = null;
        if (Single(context, "symbol", out var symbol) is { } repeated)
        {
            return BadArgument(time, repeated);
        }

        if (string.IsNullOrEmpty(symbol))
        {
            return FuturesWire.Error(time, KrakenErrors.FuturesRequiredArgumentMissing, StatusCodes.Status400BadRequest);
        }

        instrument = InstrumentCatalog.Find(symbol);
        return instrument is null ? FuturesWire.Error(time, KrakenErrors.FuturesContractNotFound, StatusCodes.Status404NotFound) : null;
    }

    // A query argument given at most once; answers its name when repeated.
    private static string? Single(HttpContext context, string name, out string? value)
    {
        var values = context.Request.Query[name];
        value = values.Count == 1 ? values[0] : null;
        return values.Count > 1 ? name : null;
    }

    private static string? EpochSeconds(HttpContext context, string name, out DateTimeOffset? time)
    {
        time = null;
        if (Single(context, name, out var text) is { } repeated)
        {
            return repeated;
        }

        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799L)
        {
            return name;
        }

        time = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return null;
    }

    // ISO 8601, or Unix milliseconds.
    private static DateTimeOffset? ParseTime(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= 253_402_300_799_999L)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
    }

    private static IResult BadArgument(TimeProvider time, string name) =>
        FuturesWire.Error(time, $"{KrakenErrors.FuturesInvalidArgument}: {name}", StatusCodes.Status400BadRequest);

    private static JsonArray Levels(IReadOnlyList<MarketLevel> levels) =>
        new([.. levels.Select(l => (JsonNode)new JsonArray(FuturesWire.Number(l.Price), FuturesWire.Number(l.Volume)))]);

    // A stable UUID per public trade (Kraken sends a UUID; the sandbox derives it from the symbol and the trade number).
    private static string TradeUid(string symbol, long id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(symbol + ":" + id.ToString(CultureInfo.InvariantCulture)), hash);
        return new Guid(hash[..16]).ToString();
    }
}
