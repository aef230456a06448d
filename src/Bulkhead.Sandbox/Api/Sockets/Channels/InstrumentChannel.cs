using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;

namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>
/// <c>instrument</c>: the reference data of the endpoint's books as one object <c>{assets, pairs}</c> (websocket.md §5).
/// Spot: every asset of <see cref="AssetCatalog"/> and pair of <see cref="PairCatalog"/> (v2 names, <c>BTC/USD</c>).
/// Unified (derivatives): <c>assets</c> is empty and <c>pairs</c> lists the perpetuals with the Futures REST
/// <c>instruments</c> figures under snake_case names. The catalogues never change at run time, so there are no updates:
/// the subscription only holds the connection's place (heartbeats) until unsubscribed.
/// </summary>
internal sealed class InstrumentChannel(bool unified) : ISocketChannel
{
    private const string SubscriptionKey = "instrument";
    private static readonly string[] Allowed = ["channel", "snapshot", "req_id", "asset_class", "token"];
    private readonly SubscriberSet<bool> _subscribers = new();
    private readonly Lazy<byte[]> _snapshot = new(() => SocketFrames.Channel("instrument", "snapshot", w =>
    {
        if (unified)
        {
            Derivatives(w);
        }
        else
        {
            Spot(w);
        }
    }));

    public string Name => "instrument";

    public void Subscribe(SocketCall call)
    {
        if (!MarketSubscription.Validate(call, Allowed))
        {
            return;
        }

        var snapshot = call.Bool("snapshot", true, out var ok);
        if (!ok)
        {
            call.Fail(SocketErrors.InvalidField("params.snapshot"));
            return;
        }

        if (call.Connection.HasSubscription(SubscriptionKey))
        {
            call.Fail(SocketErrors.AlreadySubscribed, w => Result(w, null));
            return;
        }

        call.Connection.TryAddSubscription(SubscriptionKey, _subscribers.Add(true, call.Connection));
        call.Ok(w => Result(w, snapshot));
        if (snapshot)
        {
            call.Connection.Send(_snapshot.Value);
        }
    }

    public void Unsubscribe(SocketCall call)
    {
        if (!MarketSubscription.Validate(call, Allowed))
        {
            return;
        }

        if (call.Connection.RemoveSubscription(SubscriptionKey))
        {
            call.Ok(w => Result(w, null));
        }
        else
        {
            call.Fail(SocketErrors.SubscriptionNotFound, w => Result(w, null));
        }
    }

    private static void Result(Utf8JsonWriter w, bool? snapshot)
    {
        w.WriteStartObject();
        w.WriteString("channel", "instrument");
        if (snapshot is { } s)
        {
            w.WriteBoolean("snapshot", s);
        }

        w.WriteEndObject();
    }

    private static void Spot(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("assets");
        foreach (var asset in AssetCatalog.All)
        {
            w.WriteStartObject();
            w.WriteString("id", SocketInstrument.AssetName(asset.Id));
            w.WriteString("status", "enabled");
            w.WriteNumber("precision", asset.Decimals);
            w.WriteNumber("precision_display", asset.DisplayDecimals);
            w.WriteBoolean("borrowable", false);
            w.WriteNumber("collateral_value", 1.0m, 1);
            w.WriteNumber("margin_rate", 0m, 1);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("pairs");
        foreach (var pair in PairCatalog.All)
        {
            var instrument = SocketInstrument.OfId(pair.Id)!;
            w.WriteStartObject();
            w.WriteString("symbol", instrument.Symbol);
            w.WriteString("base", instrument.Base);
            w.WriteString("quote", instrument.Quote);
            w.WriteString("status", "online");
            w.WriteNumber("qty_precision", pair.LotDecimals);
            w.WriteNumber("qty_increment", Step(pair.LotDecimals), pair.LotDecimals);
            w.WriteNumber("price_precision", pair.PairDecimals);
            w.WriteNumber("price_increment", pair.TickSize, pair.PairDecimals);
            w.WriteNumber("cost_precision", pair.CostDecimals);
            w.WriteNumber("cost_min", pair.CostMin, pair.CostDecimals);
            w.WriteNumber("qty_min", pair.OrderMin, pair.LotDecimals);
            w.WriteBoolean("marginable", pair.Leverage.Count > 0);
            w.WriteBoolean("has_index", false);
            if (pair.Leverage.Count > 0)
            {
                w.WriteNumber("margin_initial", 1m / pair.Leverage.Max(), 4);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Derivatives(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("assets");
        w.WriteEndArray();
        w.WriteStartArray("pairs");
        foreach (var spec in InstrumentCatalog.All)
        {
            var instrument = SocketInstrument.OfId(spec.Symbol)!;
            w.WriteStartObject();
            w.WriteString("symbol", instrument.Symbol);
            w.WriteString("base", instrument.Base);
            w.WriteString("quote", instrument.Quote);
            w.WriteString("status", "online");
            w.WriteString("type", "perpetual");
            w.WriteNumber("price_precision", instrument.PriceDecimals);
            w.WriteNumber("price_increment", spec.TickSize, instrument.PriceDecimals);
            w.WriteNumber("qty_precision", spec.QuantityDecimals);
            w.WriteNumber("qty_increment", Step(spec.QuantityDecimals), spec.QuantityDecimals);
            w.WriteNumber("qty_min", instrument.QtyMin, spec.QuantityDecimals);
            w.WriteNumber("contract_size", 1m, 0);
            w.WriteNumber("max_position_size", spec.MaxPositionSize, spec.QuantityDecimals);
            w.WriteNumber("margin_initial", InstrumentCatalog.ClassALevels[0].InitialMargin, 4);
            w.WriteNumber("margin_maintenance", InstrumentCatalog.ClassALevels[0].MaintenanceMargin, 4);
            w.WriteNumber("funding_rate_coefficient", InstrumentCatalog.FundingRateCoefficient);
            w.WriteNumber("max_relative_funding_rate", InstrumentCatalog.MaxRelativeFundingRate, 2);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static decimal Step(int decimals)
    {
        var step = 1m;
        for (var i = 0; i < decimals; i++)
        {
            step /= 10m;
        }

        return step;
    }
}
