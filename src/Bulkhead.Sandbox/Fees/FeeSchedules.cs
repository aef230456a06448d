namespace Bulkhead.Sandbox.Fees;

/// <summary>
/// The sandbox's fee tables, the one place they live: every fee charged, <c>TradeVolume</c> and the AssetPairs
/// <c>fees</c>/<c>fees_maker</c> lists read them. Tiers are by the 30-day USD volume of a master plus all its subaccounts.
/// </summary>
public static class FeeSchedules
{
    /// <summary>
    /// Spot (Kraken's "Pro" schedule as its public AssetPairs answer lists it): 0.25 % maker / 0.40 % taker at the base
    /// tier down to 0 % / 0.10 % from $10M. spot.md §6 gives "≥ $10M: 0.04 % / 0.14 %" (UNCONFIRMED), which is the
    /// $2.5M row of this table; AssetPairs is Kraken's own answer, so this table wins (docs/sandbox.md).
    /// </summary>
    public static FeeSchedule Spot { get; } = new(
    [
        new(0m, 0.25m, 0.40m),
        new(10_000m, 0.20m, 0.35m),
        new(50_000m, 0.14m, 0.24m),
        new(100_000m, 0.12m, 0.22m),
        new(250_000m, 0.10m, 0.20m),
        new(500_000m, 0.08m, 0.18m),
        new(1_000_000m, 0.06m, 0.16m),
        new(2_500_000m, 0.04m, 0.14m),
        new(5_000_000m, 0.02m, 0.12m),
        new(10_000_000m, 0m, 0.10m),
    ]);

    /// <summary>
    /// Futures (futures.md §8.1): 0.02 % maker / 0.05 % taker below $100k down to 0 % / 0.01 % above $100M. Kraken's
    /// bounds read "100,001 – 1,000,000"; the sandbox starts each tier at the round number (100,000 inclusive).
    /// </summary>
    public static FeeSchedule Futures { get; } = new(
    [
        new(0m, 0.0200m, 0.0500m),
        new(100_000m, 0.0150m, 0.0400m),
        new(1_000_000m, 0.0125m, 0.0300m),
        new(5_000_000m, 0.0100m, 0.0250m),
        new(10_000_000m, 0.0075m, 0.0200m),
        new(20_000_000m, 0.0050m, 0.0150m),
        new(50_000_000m, 0.0025m, 0.0125m),
        new(100_000_000m, 0m, 0.0100m),
    ]);
}
