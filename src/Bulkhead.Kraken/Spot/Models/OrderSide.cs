namespace Bulkhead.Kraken.Spot.Models;

/// <summary>Buy or sell.</summary>
public enum OrderSide
{
    /// <summary>Buy the base asset.</summary>
    Buy = 0,

    /// <summary>Sell the base asset.</summary>
    Sell,
}
