using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Fleet.Reporting.Internal;

/// <summary>
/// The master's <c>TradeVolume</c> for one instrument, as a <see cref="FeeStatus"/>: a Spot pair the fleet trades, or —
/// for a fleet that trades only Futures — a Futures contract asked as a <c>derivatives</c> asset (since 22 June 2026
/// Kraken's Futures fees come from its central fee service through Spot <c>TradeVolume</c>; futures.md §0).
/// </summary>
internal static class FeeTier
{
    public static async Task<FeeStatus?> ReadAsync(SpotClient master, string? spotPair, string? contract, CancellationToken cancellationToken)
    {
        if (spotPair is null && contract is null)
        {
            return null;
        }

        var pair = spotPair ?? contract!;
        var volume = (spotPair is not null
            ? await master.GetTradeVolumeAsync([spotPair], cancellationToken).ConfigureAwait(false)
            : await master.GetTradeVolumeAsync([TradeVolumeAsset.Derivative(contract!)], cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
        var taker = volume.TakerFees.Values.FirstOrDefault();
        if (taker is null)
        {
            return new FeeStatus(volume.Currency, volume.Volume, pair, 0m, null, null, null, null);
        }

        var maker = volume.MakerFees.Values.FirstOrDefault();
        return new FeeStatus(volume.Currency, volume.Volume, pair, taker.Percent, maker?.Percent, taker.TierVolume, taker.NextPercent, taker.NextTierVolume);
    }
}
