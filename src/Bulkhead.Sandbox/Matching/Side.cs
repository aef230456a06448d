namespace Bulkhead.Sandbox.Matching;

/// <summary>The side of an order: a buy rests among the bids, a sell among the asks.</summary>
public enum Side
{
    /// <summary>Buy: takes asks, rests as a bid.</summary>
    Buy,

    /// <summary>Sell: takes bids, rests as an ask.</summary>
    Sell,
}
