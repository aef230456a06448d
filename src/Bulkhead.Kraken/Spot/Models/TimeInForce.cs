namespace Bulkhead.Kraken.Spot.Models;

/// <summary>How long an order stays in the book.</summary>
public enum TimeInForce
{
    /// <summary>Until filled or cancelled (Kraken's default).</summary>
    GoodTillCancelled = 0,

    /// <summary>Fill what can be filled now, cancel the rest.</summary>
    ImmediateOrCancel,

    /// <summary>Until <see cref="OrderRequest.ExpireAt"/>.</summary>
    GoodTillDate,
}
