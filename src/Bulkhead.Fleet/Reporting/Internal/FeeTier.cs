using Bulkhead.Kraken.Spot;

namespace Bulkhead.Fleet.Reporting.Internal;

/// <summary>The master's <c>TradeVolume</c> for one pair, as a <see cref="FeeStatus"/>.</summary>
internal static class FeeTier
{
    public static async Task<FeeStatus?> ReadAsync(SpotClient master, string? pair, CancellationToken cancellationToken)
    {
        if (pair is null)
        {
            return null;
        }

        var volume = (await master.GetTradeVolumeAsync([pair], cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
        var taker = volume.TakerFees.Values.FirstOrDefault();
        if (taker is null)
        {
            return new FeeStatus(volume.Currency, volume.Volume, pair, 0m, null, null, null, null);
        }

        var maker = volume.MakerFees.Values.FirstOrDefault();
        return new FeeStatus(volume.Currency, volume.Volume, pair, taker.Percent, maker?.Percent, taker.TierVolume, taker.NextPercent, taker.NextTierVolume);
    }
}
