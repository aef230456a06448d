using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Market;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>
/// <c>Time</c>, <c>SystemStatus</c>, <c>Assets</c>, <c>AssetPairs</c> with every field ccxt and npm kraken-api read
/// (spot.md §7.3); the market data (<c>Ticker</c>, <c>Depth</c>, <c>Trades</c>, <c>OHLC</c>, <c>Spread</c>) is in <c>.Market</c>.
/// </summary>
internal static partial class SpotPublicEndpoints
{
    public static SpotAnswer? Handle(string method, SpotParameters parameters, TimeProvider time, MarketData market) => method switch
    {
        "Time" => ServerTime(time),
        "SystemStatus" => SystemStatus(time),
        "Assets" => Assets(parameters),
        "AssetPairs" => AssetPairs(parameters),
        "Ticker" => Ticker(parameters, market, time),
        "Depth" => Depth(parameters, market, time),
        "Trades" => Trades(parameters, market),
        "OHLC" => Ohlc(parameters, market, time),
        "Spread" => Spread(parameters, market),
        _ => (SpotAnswer?)null,
    };

    private static SpotAnswer ServerTime(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("unixtime", now.ToUnixTimeSeconds());
            w.WriteString("rfc1123", now.ToString("ddd, dd MMM yy HH:mm:ss +0000", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });
    }

    private static SpotAnswer SystemStatus(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "online");
            w.WriteString("timestamp", now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });
    }

    private static SpotAnswer Assets(SpotParameters parameters)
    {
        var selected = new List<SandboxAsset>();
        if (parameters["asset"] is { Length: > 0 } names)
        {
            foreach (var name in names.Split(',', StringSplitOptions.TrimEntries))
            {
                if (AssetCatalog.Find(name) is not { } asset)
                {
                    return KrakenErrors.UnknownAsset;
                }

                selected.Add(asset);
            }
        }
        else
        {
            selected.AddRange(AssetCatalog.All);
        }

        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            foreach (var asset in selected.Distinct())
            {
                w.WriteStartObject(asset.Id);
                w.WriteString("aclass", "currency");
                w.WriteString("altname", asset.AltName);
                w.WriteNumber("decimals", asset.Decimals);
                w.WriteNumber("display_decimals", asset.DisplayDecimals);
                w.WriteNumber("collateral_value", 1.0m);
                w.WriteString("status", "enabled");
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }

    private static SpotAnswer AssetPairs(SpotParameters parameters)
    {
        var selected = new List<SandboxPair>();
        if (parameters["pair"] is { Length: > 0 } names)
        {
            foreach (var name in names.Split(',', StringSplitOptions.TrimEntries))
            {
                if (PairCatalog.Find(name) is not { } pair)
                {
                    return KrakenErrors.UnknownAssetPair;
                }

                selected.Add(pair);
            }
        }
        else
        {
            selected.AddRange(PairCatalog.All);
        }

        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            foreach (var pair in selected.Distinct())
            {
                WritePair(w, pair);
            }

            w.WriteEndObject();
        });
    }

    private static void WritePair(Utf8JsonWriter w, SandboxPair pair)
    {
        var quote = AssetCatalog.Find(pair.Quote)!;
        w.WriteStartObject(pair.Id);
        w.WriteString("altname", pair.AltName);
        w.WriteString("wsname", pair.WsName);
        w.WriteString("aclass_base", "currency");
        w.WriteString("base", pair.Base);
        w.WriteString("aclass_quote", "currency");
        w.WriteString("quote", pair.Quote);
        w.WriteString("lot", "unit");
        w.WriteNumber("cost_decimals", pair.CostDecimals);
        w.WriteNumber("pair_decimals", pair.PairDecimals);
        w.WriteNumber("lot_decimals", pair.LotDecimals);
        w.WriteNumber("lot_multiplier", 1);
        WriteInts(w, "leverage_buy", pair.Leverage);
        WriteInts(w, "leverage_sell", pair.Leverage);
        WriteFees(w, "fees", PairCatalog.TakerFees);
        WriteFees(w, "fees_maker", PairCatalog.MakerFees);
        w.WriteString("fee_volume_currency", "ZUSD");
        w.WriteNumber("margin_call", 80);
        w.WriteNumber("margin_stop", 40);
        w.WriteString("ordermin", pair.OrderMin.ToString(CultureInfo.InvariantCulture));
        w.WriteString("costmin", SpotEnvelope.Money(pair.CostMin, Math.Max(pair.CostDecimals, quote.DisplayDecimals)).TrimEnd('0').TrimEnd('.'));
        w.WriteString("tick_size", pair.TickSize.ToString(CultureInfo.InvariantCulture));
        w.WriteString("status", "online");
        w.WriteEndObject();
    }

    private static void WriteInts(Utf8JsonWriter w, string name, IReadOnlyList<int> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteFees(Utf8JsonWriter w, string name, IReadOnlyList<(decimal Volume, decimal Percent)> tiers)
    {
        w.WriteStartArray(name);
        foreach (var (volume, percent) in tiers)
        {
            w.WriteStartArray();
            w.WriteNumberValue(volume);
            w.WriteNumberValue(percent);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
