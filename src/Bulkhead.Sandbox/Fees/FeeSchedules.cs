using Bulkhead.Kraken.Spot;

namespace Bulkhead.Sandbox.Fees;

/// <summary>
/// The sandbox's fee tables, the one place they live: every fee charged, <c>TradeVolume</c> and the AssetPairs
/// <c>fees</c>/<c>fees_maker</c> lists read them. Tiers are by the 30-day USD volume of a master plus all its subaccounts.
/// </summary>
public static class FeeSchedules
{
    /// <summary>
    /// Spot (Kraken's "Pro" schedule as its public AssetPairs answer lists it): 0.25 % maker / 0.40 % taker at the base
    /// tier down to 0 % / 0.10 % from $10M — <see cref="FeeLadder.KrakenSpot"/>, the one copy of the published schedule,
    /// which client-side reporting also falls back to. spot.md §6 gives "≥ $10M: 0.04 % / 0.14 %" (UNCONFIRMED), which is
    /// the $2.5M row of this table; AssetPairs is Kraken's own answer, so this table wins (docs/sandbox.md).
    /// </summary>
    public static FeeSchedule Spot { get; } = new([.. FeeLadder.KrakenSpot.Tiers.Select(t => new FeeTier(t.MinVolumeUsd, t.MakerPercent, t.TakerPercent))]);

    /// <summary>
    /// Futures (futures.md §8.1): 0.02 % maker / 0.05 % taker below $100k down to 0 % / 0.01 % above $100M —
    /// <see cref="FeeLadder.KrakenFutures"/>, the one copy of the published schedule. Kraken's bounds read
    /// "100,001 – 1,000,000"; the sandbox starts each tier at the round number (100,000 inclusive).
    /// </summary>
    public static FeeSchedule Futures { get; } = new([.. FeeLadder.KrakenFutures.Tiers.Select(t => new FeeTier(t.MinVolumeUsd, t.MakerPercent, t.TakerPercent))]);
}
