namespace Bulkhead.Sandbox.Matching;

/// <summary>How an order's price is treated.</summary>
public enum OrderKind
{
    /// <summary>Takes only at its limit price or better; the rest rests (unless IOC).</summary>
    Limit,

    /// <summary>Takes whatever the book has at any price; the rest is cancelled (<see cref="CancelReason.NoLiquidity"/>). Never rests.</summary>
    Market,
}
