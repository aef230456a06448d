namespace Bulkhead.Kraken.Venues;

/// <summary>Which way an order trades.</summary>
public enum OrderSide
{
    /// <summary>Buy (go or get longer).</summary>
    Buy,

    /// <summary>Sell (go or get shorter).</summary>
    Sell,
}
