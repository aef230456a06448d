using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Market;

/// <summary>What the market needs to know about one book: its symbol, its assets (by Spot asset id), tick, lot and minimums.</summary>
/// <param name="Venue">Spot or Futures.</param>
/// <param name="Symbol">The book's symbol: the AssetPairs id (<c>XXBTZUSD</c>) or the Futures symbol (<c>PF_XBTUSD</c>).</param>
/// <param name="Base">Base asset id (<c>XXBT</c>).</param>
/// <param name="Quote">Quote asset id (<c>ZUSD</c>).</param>
/// <param name="TickSize">Price step.</param>
/// <param name="LotDecimals">Decimals of the volume.</param>
/// <param name="MinVolume">Smallest order volume.</param>
/// <param name="MinCost">Smallest order cost in the quote asset.</param>
public sealed record MarketInstrument(TradingVenue Venue, string Symbol, string Base, string Quote, decimal TickSize, int LotDecimals, decimal MinVolume, decimal MinCost)
{
    /// <summary>The market's view of a Spot pair.</summary>
    public static MarketInstrument FromPair(SandboxPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return new(TradingVenue.Spot, pair.Id, pair.Base, pair.Quote, pair.TickSize, pair.LotDecimals, pair.OrderMin, pair.CostMin);
    }

    /// <summary>The market's view of a Futures perpetual (one contract = one unit of the base; no minimum cost).</summary>
    public static MarketInstrument FromFutures(FuturesInstrumentSpec instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var lot = 1m;
        for (var i = 0; i < instrument.QuantityDecimals; i++)
        {
            lot /= 10m;
        }

        return new(TradingVenue.Futures, instrument.Symbol, AssetId(instrument.Base), AssetId(instrument.Quote), instrument.TickSize, instrument.QuantityDecimals, lot, 0m);
    }

    /// <summary>Every Spot pair and Futures perpetual the sandbox lists, Spot first, catalogue order.</summary>
    public static IReadOnlyList<MarketInstrument> All { get; } =
        [.. PairCatalog.All.Select(FromPair), .. InstrumentCatalog.All.Select(FromFutures)];

    private static string AssetId(string altName) =>
        AssetCatalog.Find(altName)?.Id ?? throw new ArgumentException($"Unknown asset '{altName}' in the instrument catalogue.", nameof(altName));
}
