using System.Collections.Frozen;
using Bulkhead.Sandbox.Assets;

namespace Bulkhead.Sandbox.Market;

/// <summary>
/// One <see cref="PricePath"/> per asset in USD (XBT, ETH, EUR, USDT; USD is fixed at 1), starting at the catalogue's
/// indicative prices. A pair's price is base ÷ quote, so cross rates agree (XBT/EUR = XBT/USD ÷ EUR/USD) and a Futures
/// index is its base asset's path. Not thread-safe: the market owns it under its lock.
/// </summary>
public sealed class MarketPrices
{
    /// <summary>Each moving asset's volatility relative to <see cref="MarketOptions.Volatility"/> (XBT's).</summary>
    public static IReadOnlyDictionary<string, decimal> VolatilityScale { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["XXBT"] = 1m,
        ["XETH"] = 1.25m,
        ["ZEUR"] = 0.1m,
        ["USDT"] = 0.02m,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string Numeraire = "ZUSD";
    private readonly FrozenDictionary<string, PricePath> _paths;

    /// <summary>Paths for <paramref name="options"/> (seed, volatility, drift; validated).</summary>
    public MarketPrices(MarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _paths = AssetCatalog.All.Where(a => a.Id != Numeraire).ToFrozenDictionary(
            a => a.Id,
            a => new PricePath(a.UsdPrice, options.Volatility * VolatilityScale.GetValueOrDefault(a.Id, 1m), options.Drift, options.Seed, a.Id),
            StringComparer.Ordinal);
    }

    /// <summary>Steps taken.</summary>
    public long Steps { get; private set; }

    /// <summary>Advances every path one step (in a fixed order, so results do not depend on dictionary order).</summary>
    public void Step()
    {
        foreach (var asset in AssetCatalog.All)
        {
            if (_paths.TryGetValue(asset.Id, out var path))
            {
                path.Step();
            }
        }

        Steps++;
    }

    /// <summary>An asset's USD price on the path (unrounded); USD is 1.</summary>
    public decimal UsdPrice(string assetId)
    {
        ArgumentNullException.ThrowIfNull(assetId);
        if (assetId == Numeraire)
        {
            return 1m;
        }

        return _paths.TryGetValue(assetId, out var path) ? path.Current : throw new ArgumentException($"Unknown asset '{assetId}'.", nameof(assetId));
    }

    /// <summary>The book's reference price (base ÷ quote), unrounded.</summary>
    public decimal Reference(MarketInstrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return UsdPrice(instrument.Base) / UsdPrice(instrument.Quote);
    }

    /// <summary>The book's reference price rounded to its tick (half to even), at least one tick. For a Futures perpetual this is the index price.</summary>
    public decimal OnTick(MarketInstrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return MarketMath.RoundToTick(Reference(instrument), instrument.TickSize);
    }
}
