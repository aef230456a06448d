using System.Globalization;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Fees;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary><c>OpenOrders</c>, <c>ClosedOrders</c>, <c>QueryOrders</c>, <c>TradesHistory</c>, <c>QueryTrades</c>, <c>TradeVolume</c>.</summary>
internal static class SpotOrderEndpoints
{
    private const int Page = 50;
    private const int MaxQueryOrders = 50;
    private const int MaxQueryTrades = 20;

    public static SpotAnswer OpenOrders(SpotCall call)
    {
        if (!TryFilter(call, out var filter, out var error))
        {
            return error;
        }

        var orders = call.Exchange.OpenOrders(call.Account.Name, TradingVenue.Spot).Where(filter).ToList();
        var trades = WithTrades(call);
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("open");
            SpotOrderWire.WriteOrders(w, orders, trades);
            w.WriteEndObject();
        });
    }

    public static SpotAnswer ClosedOrders(SpotCall call)
    {
        if (!TryFilter(call, out var filter, out var error))
        {
            return error;
        }

        if (!TryRange(call, out var start, out var end, out var offset, out error))
        {
            return error;
        }

        var all = call.Exchange.ClosedOrders(call.Account.Name, TradingVenue.Spot)
            .Where(filter)
            .Where(o => (start is null || o.ClosedAt > start) && (end is null || o.ClosedAt <= end))
            .ToList();
        var page = all.Skip(offset).Take(Page).ToList();
        var trades = WithTrades(call);
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("closed");
            SpotOrderWire.WriteOrders(w, page, trades);
            w.WriteNumber("count", all.Count);
            w.WriteEndObject();
        });
    }

    public static SpotAnswer QueryOrders(SpotCall call)
    {
        if (Ids(call.Parameters["txid"], MaxQueryOrders) is not { } ids)
        {
            return KrakenErrors.InvalidArguments + ":txid";
        }

        var orders = ids.Select(id => call.Exchange.FindOrder(call.Account.Name, id)).OfType<SandboxOrder>().Where(o => o.Venue == TradingVenue.Spot).ToList();
        var trades = WithTrades(call);
        return SpotAnswer.Ok(w => SpotOrderWire.WriteOrders(w, orders, trades));
    }

    public static SpotAnswer TradesHistory(SpotCall call)
    {
        if (!TryRange(call, out var start, out var end, out var offset, out var error))
        {
            return error;
        }

        var all = call.Exchange.Trades(call.Account.Name, TradingVenue.Spot)
            .Where(t => (start is null || t.Time > start) && (end is null || t.Time <= end))
            .ToList();
        var page = all.Skip(offset).Take(Page).ToList();
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("trades");
            foreach (var trade in page)
            {
                SpotOrderWire.WriteTrade(w, trade);
            }

            w.WriteEndObject();
            w.WriteNumber("count", all.Count);
            w.WriteEndObject();
        });
    }

    public static SpotAnswer QueryTrades(SpotCall call)
    {
        if (Ids(call.Parameters["txid"], MaxQueryTrades) is not { } ids)
        {
            return KrakenErrors.InvalidArguments + ":txid";
        }

        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var trades = call.Exchange.Trades(call.Account.Name, TradingVenue.Spot).Where(t => wanted.Contains(t.Id)).ToList();
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            foreach (var trade in trades)
            {
                SpotOrderWire.WriteTrade(w, trade);
            }

            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Kraken TradeVolume: the consolidated 30-day USD volume and, for the pairs asked (<c>pair</c>: a comma list, or a
    /// JSON list of names or <c>{asset, aclass}</c> objects), this account's taker and maker fees. An item of class
    /// <c>derivatives</c> names a Futures contract (Kraken's central fee service, since 22 June 2026): its fees come from
    /// the Futures schedule at the master's consolidated Futures volume; when every item is one, <c>volume</c> is that
    /// Futures volume (the sandbox keeps each venue's volume apart; how Kraken reports one volume for both is UNCONFIRMED).
    /// </summary>
    public static SpotAnswer TradeVolume(SpotCall call)
    {
        if (call.Parameters.ClassedList("pair") is not { } items)
        {
            return KrakenErrors.InvalidArguments + ":pair";
        }

        var asked = new List<(string Id, TradingVenue Venue)>();
        foreach (var (name, assetClass) in items)
        {
            if (string.Equals(assetClass, "derivatives", StringComparison.OrdinalIgnoreCase))
            {
                if (InstrumentCatalog.Find(name) is not { } contract)
                {
                    return KrakenErrors.UnknownAssetPair;
                }

                asked.Add((contract.Symbol, TradingVenue.Futures));
            }
            else if (PairCatalog.Find(name) is { } pair)
            {
                asked.Add((pair.Id, TradingVenue.Spot));
            }
            else
            {
                return KrakenErrors.UnknownAssetPair;
            }
        }

        var reported = asked.Count > 0 && asked.TrueForAll(a => a.Venue == TradingVenue.Futures) ? TradingVenue.Futures : TradingVenue.Spot;
        var volume = call.Exchange.ConsolidatedVolumeUsd(call.Account.Name, reported);
        var quotes = asked.Distinct().Select(a => (a.Id, Quote: Quote(call, a.Venue))).ToList();
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", "ZUSD");
            w.WriteString("volume", SpotOrderWire.Fixed(volume, 4));
            if (quotes.Count > 0)
            {
                WriteFees(w, "fees", quotes, taker: true);
                WriteFees(w, "fees_maker", quotes, taker: false);
            }

            w.WriteEndObject();
        });
    }

    /// <summary>One venue's fee schedule at the account's consolidated volume on that venue.</summary>
    private static FeeQuote Quote(SpotCall call, TradingVenue venue)
    {
        var volume = call.Exchange.ConsolidatedVolumeUsd(call.Account.Name, venue);
        var schedule = SandboxExchange.FeeScheduleOf(venue);
        return new FeeQuote(schedule, schedule.TierFor(volume), schedule.NextTier(volume));
    }

    private static void WriteFees(System.Text.Json.Utf8JsonWriter w, string name, List<(string Id, FeeQuote Quote)> quotes, bool taker)
    {
        w.WriteStartObject(name);
        foreach (var (id, q) in quotes)
        {
            decimal Of(FeeTier t) => taker ? t.TakerPercent : t.MakerPercent;
            w.WriteStartObject(id);
            w.WriteString("fee", SpotOrderWire.Fixed(Of(q.Tier), 4));
            w.WriteString("minfee", SpotOrderWire.Fixed(q.Schedule.Tiers.Min(Of), 4));
            w.WriteString("maxfee", SpotOrderWire.Fixed(Of(q.Schedule.Tiers[0]), 4));
            if (q.Next is { } next)
            {
                w.WriteString("nextfee", SpotOrderWire.Fixed(Of(next), 4));
                w.WriteString("nextvolume", SpotOrderWire.Fixed(next.Volume, 4));
            }
            else
            {
                w.WriteNull("nextfee");
                w.WriteNull("nextvolume");
            }

            w.WriteString("tiervolume", SpotOrderWire.Fixed(q.Tier.Volume, 4));
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>A schedule, the tier the account is in and the next one.</summary>
    private sealed record FeeQuote(FeeSchedule Schedule, FeeTier Tier, FeeTier? Next);

    private static Func<SandboxOrder, IReadOnlyList<SandboxTrade>>? WithTrades(SpotCall call) =>
        call.Parameters["trades"] is "true" or "1" ? o => call.Exchange.TradesOfOrder(o.Id) : null;

    private static bool TryFilter(SpotCall call, out Func<SandboxOrder, bool> filter, out SpotAnswer error)
    {
        filter = _ => true;
        error = default;
        long? userref = null;
        if (call.Parameters["userref"] is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var u))
            {
                error = KrakenErrors.InvalidArguments + ":userref";
                return false;
            }

            userref = u;
        }

        var clientId = call.Parameters["cl_ord_id"];
        filter = o => (userref is null || o.UserRef == userref) && (clientId is null || o.ClientOrderId == clientId);
        return true;
    }

    private static bool TryRange(SpotCall call, out DateTimeOffset? start, out DateTimeOffset? end, out int offset, out SpotAnswer error)
    {
        start = end = null;
        offset = 0;
        error = default;
        var p = call.Parameters;
        if (p["start"] is { } startText)
        {
            if (!SpotParameters.TryUnixTime(startText, out var s))
            {
                error = KrakenErrors.InvalidArguments + ":start";
                return false;
            }

            start = s;
        }

        if (p["end"] is { } endText)
        {
            if (!SpotParameters.TryUnixTime(endText, out var e))
            {
                error = KrakenErrors.InvalidArguments + ":end";
                return false;
            }

            end = e;
        }

        if (p["ofs"] is { } ofsText && (!int.TryParse(ofsText, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            error = KrakenErrors.InvalidArguments + ":ofs";
            return false;
        }

        if (call.Key.QueryStart is { } queryStart && (start is null || start < queryStart))
        {
            start = queryStart - TimeSpan.FromTicks(1);
        }

        if (call.Key.QueryEnd is { } queryEnd && (end is null || end > queryEnd))
        {
            end = queryEnd;
        }

        return true;
    }

    private static string[]? Ids(string? text, int max)
    {
        if (text is not { Length: > 0 })
        {
            return null;
        }

        var ids = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return ids.Length is 0 || ids.Length > max ? null : ids;
    }
}
