namespace Bulkhead.Sandbox.Trading;

/// <summary>Kraken's Spot <c>oflags</c>.</summary>
[Flags]
public enum SandboxOrderConditions
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><c>post</c>: post-only (cancelled if it would take).</summary>
    PostOnly = 1,

    /// <summary><c>fcib</c>: fee in the base asset.</summary>
    FeeInBase = 2,

    /// <summary><c>fciq</c>: fee in the quote asset (the default).</summary>
    FeeInQuote = 4,

    /// <summary><c>nompp</c>: no market price protection (accepted, no effect in the sandbox).</summary>
    NoMarketPriceProtection = 8,

    /// <summary><c>viqc</c>: volume in quote currency (market buys only).</summary>
    VolumeInQuote = 16,
}
