using System.Collections.Frozen;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// A book as the WebSocket APIs name it — the one wire mapping of symbols, assets and precisions for every channel:
/// Spot v2 uses common names (<c>BTC/USD</c>, not <c>XBT/USD</c>; websocket.md §1), the Unified WebSocket the
/// derivatives venue strings (<c>PF_XBTUSD</c>). Prices and quantities are written with
/// <see cref="PriceDecimals"/> and <see cref="QtyDecimals"/> digits, the digits the book checksum is computed from.
/// </summary>
/// <param name="Venue">Spot or Futures.</param>
/// <param name="Id">The exchange's canonical symbol (<c>XXBTZUSD</c>, <c>PF_XBTUSD</c>).</param>
/// <param name="Symbol">The wire symbol (<c>BTC/USD</c>, <c>PF_XBTUSD</c>).</param>
/// <param name="Base">The base asset's wire name (<c>BTC</c>).</param>
/// <param name="Quote">The quote asset's wire name (<c>USD</c>).</param>
/// <param name="PriceDecimals">Price precision.</param>
/// <param name="QtyDecimals">Quantity precision.</param>
/// <param name="TickSize">Price increment.</param>
/// <param name="QtyMin">Smallest order quantity.</param>
/// <param name="CostMin">Smallest order cost (quote), 0 for none.</param>
internal sealed record SocketInstrument(TradingVenue Venue, string Id, string Symbol, string Base, string Quote, int PriceDecimals, int QtyDecimals, decimal TickSize, decimal QtyMin, decimal CostMin)
{
    /// <summary>Spot pairs, catalogue order.</summary>
    public static IReadOnlyList<SocketInstrument> Spot { get; } = [.. PairCatalog.All.Select(FromPair)];

    /// <summary>Futures perpetuals, catalogue order.</summary>
    public static IReadOnlyList<SocketInstrument> Futures { get; } = [.. InstrumentCatalog.All.Select(FromFutures)];

    private static readonly FrozenDictionary<string, SocketInstrument> BySpotSymbol = Spot.ToFrozenDictionary(i => i.Symbol, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, SocketInstrument> ByFuturesSymbol = Futures.ToFrozenDictionary(i => i.Symbol, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, SocketInstrument> ById = Spot.Concat(Futures).ToFrozenDictionary(i => i.Id, StringComparer.Ordinal);

    /// <summary>A wire symbol of the Spot (<paramref name="unified"/> false) or Unified derivatives endpoints, exactly as Kraken spells it; null if not listed.</summary>
    public static SocketInstrument? Find(string symbol, bool unified) =>
        (unified ? ByFuturesSymbol : BySpotSymbol).GetValueOrDefault(symbol);

    /// <summary>The instrument of a canonical symbol, or null.</summary>
    public static SocketInstrument? OfId(string id) => ById.GetValueOrDefault(id);

    /// <summary>An asset's v2 name: Kraken's altname with <c>XBT</c> → <c>BTC</c> and <c>XDG</c> → <c>DOGE</c>.</summary>
    public static string AssetName(string assetIdOrAltName)
    {
        var alt = AssetCatalog.Find(assetIdOrAltName)?.AltName ?? assetIdOrAltName;
        return alt switch
        {
            "XBT" => "BTC",
            "XDG" => "DOGE",
            _ => alt,
        };
    }

    private static SocketInstrument FromPair(SandboxPair pair)
    {
        var baseName = AssetName(pair.Base);
        var quoteName = AssetName(pair.Quote);
        return new SocketInstrument(TradingVenue.Spot, pair.Id, baseName + "/" + quoteName, baseName, quoteName, pair.PairDecimals, pair.LotDecimals, pair.TickSize, pair.OrderMin, pair.CostMin);
    }

    private static SocketInstrument FromFutures(FuturesInstrumentSpec spec)
    {
        var decimals = 0;
        for (var tick = spec.TickSize; decimal.Truncate(tick) != tick; tick *= 10m)
        {
            decimals++;
        }

        var qtyMin = 1m;
        for (var i = 0; i < spec.QuantityDecimals; i++)
        {
            qtyMin /= 10m;
        }

        return new SocketInstrument(TradingVenue.Futures, spec.Symbol, spec.Symbol, AssetName(spec.Base), AssetName(spec.Quote), decimals, spec.QuantityDecimals, spec.TickSize, qtyMin, 0m);
    }
}
