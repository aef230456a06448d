namespace Bulkhead.Sandbox.Assets;

/// <summary>A linear perpetual (<c>flexible_futures</c>).</summary>
/// <param name="Symbol">Kraken's symbol, upper case with <c>_</c> (<c>PF_XBTUSD</c>): clients match it case-sensitively.</param>
/// <param name="Base">Base currency altname (<c>XBT</c>).</param>
/// <param name="Quote">Quote currency altname (<c>USD</c>).</param>
/// <param name="TickSize">Price step.</param>
/// <param name="QuantityDecimals">Decimals of the size (<c>contractValueTradePrecision</c>).</param>
/// <param name="MaxPositionSize">Largest position, in contracts.</param>
/// <param name="ImpactMidSize">Size used for the impact mid price.</param>
public sealed record FuturesInstrumentSpec(string Symbol, string Base, string Quote, decimal TickSize, int QuantityDecimals, decimal MaxPositionSize, decimal ImpactMidSize)
{
    /// <summary>Kraken's <c>pair</c> (<c>XBT:USD</c>).</summary>
    public string Pair => $"{Base}:{Quote}";

    /// <summary>The mark price: the base asset's indicative USD price (part 2 replaces it with the book).</summary>
    public decimal MarkPrice => AssetCatalog.Find(Base)?.UsdPrice ?? 0m;
}
