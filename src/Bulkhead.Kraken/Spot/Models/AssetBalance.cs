namespace Bulkhead.Kraken.Spot.Models;

/// <summary>An asset's balance and the part of it held by open orders.</summary>
/// <param name="Total">The total balance.</param>
/// <param name="HeldForTrade">The amount held by open orders.</param>
public readonly record struct AssetBalance(decimal Total, decimal HeldForTrade)
{
    /// <summary>What is free to trade or withdraw.</summary>
    public decimal Available => Total - HeldForTrade;
}
