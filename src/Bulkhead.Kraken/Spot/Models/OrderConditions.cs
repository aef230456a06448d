namespace Bulkhead.Kraken.Spot.Models;

/// <summary>Order flags, which Kraken calls <c>oflags</c>.</summary>
[Flags]
public enum OrderConditions
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary>Post-only: the order is cancelled instead of taking liquidity.</summary>
    PostOnly = 1,

    /// <summary>Pay the fee in the base asset.</summary>
    FeeInBase = 2,

    /// <summary>Pay the fee in the quote asset.</summary>
    FeeInQuote = 4,

    /// <summary>No market price protection.</summary>
    NoMarketPriceProtection = 8,

    /// <summary>The volume is in the quote asset (market buys only).</summary>
    VolumeInQuote = 16,
}
