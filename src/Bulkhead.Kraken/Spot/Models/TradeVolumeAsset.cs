namespace Bulkhead.Kraken.Spot.Models;

/// <summary>An instrument <c>TradeVolume</c> reports fees for, named with its asset class (the form Kraken needs for non-forex classes).</summary>
/// <param name="Name">The pair or contract, e.g. <c>XBTUSD</c> or <c>PF_XBTUSD</c>.</param>
/// <param name="AssetClass">Kraken's asset class, e.g. <see cref="Derivatives"/>; null for a Spot pair.</param>
public sealed record TradeVolumeAsset(string Name, string? AssetClass)
{
    /// <summary>The asset class of Futures contracts (<c>derivatives</c>): since 22 June 2026 their fees come from <c>TradeVolume</c>.</summary>
    public const string Derivatives = "derivatives";

    /// <summary>A Futures contract, e.g. <c>PF_XBTUSD</c>.</summary>
    public static TradeVolumeAsset Derivative(string symbol) => new(symbol, Derivatives);
}
