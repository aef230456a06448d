using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Spot.Models;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Spot;

public sealed class FeeLadderTests
{
    [Theory]
    [InlineData("0", "0", "10000", "10000")]
    [InlineData("9999.99", "0", "10000", "0.01")]
    [InlineData("10000", "10000", "50000", "40000")]
    [InlineData("61234.50", "50000", "100000", "38765.50")]
    [InlineData("2500000", "2500000", "5000000", "2500000")]
    public void Position_KrakenSpot_FindsTierNextTierAndDistance(string volume, string tier, string next, string toNext)
    {
        var position = FeeLadder.KrakenSpot.Position(decimal.Parse(volume, System.Globalization.CultureInfo.InvariantCulture));

        position.Tier.MinVolumeUsd.ShouldBe(decimal.Parse(tier, System.Globalization.CultureInfo.InvariantCulture));
        position.NextTier.ShouldNotBeNull().MinVolumeUsd.ShouldBe(decimal.Parse(next, System.Globalization.CultureInfo.InvariantCulture));
        position.VolumeToNextTierUsd.ShouldBe(decimal.Parse(toNext, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Position_TopTier_HasNoNextTier()
    {
        var position = FeeLadder.KrakenSpot.Position(25_000_000m);

        position.Tier.ShouldBe(new FeeLadderTier(10_000_000m, 0m, 0.10m));
        position.NextTier.ShouldBeNull();
        position.VolumeToNextTierUsd.ShouldBeNull();
    }

    [Fact]
    public void Position_Negative_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => FeeLadder.KrakenSpot.Position(-1m));

    [Fact]
    public void Position_AnyVolume_TierAtOrBelowAndNextAbove()
    {
        Gen.Long[0L, 5_000_000_000L].Select(cents => cents / 100m).Sample(volume =>
        {
            var position = FeeLadder.KrakenSpot.Position(volume);
            position.Tier.MinVolumeUsd.ShouldBeLessThanOrEqualTo(volume);
            if (position.NextTier is { } next)
            {
                next.MinVolumeUsd.ShouldBeGreaterThan(volume);
                position.VolumeToNextTierUsd.ShouldBe(next.MinVolumeUsd - volume);
                FeeLadder.KrakenSpot.Tiers.IndexOf(next).ShouldBe(FeeLadder.KrakenSpot.Tiers.IndexOf(position.Tier) + 1);
            }
        });
    }

    [Fact]
    public void FromAssetPair_MakerAndTakerSchedules_PairedByThreshold()
    {
        var pair = Pair(taker: [new(0m, 0.40m), new(50_000m, 0.24m)], maker: [new(0m, 0.25m), new(50_000m, 0.14m)]);

        var ladder = FeeLadder.FromAssetPair(pair).ShouldNotBeNull();

        ladder.Tiers.ShouldBe([new FeeLadderTier(0m, 0.25m, 0.40m), new FeeLadderTier(50_000m, 0.14m, 0.24m)]);
    }

    [Fact]
    public void FromAssetPair_NoMakerSchedule_MakerIsTaker()
    {
        var ladder = FeeLadder.FromAssetPair(Pair(taker: [new(0m, 0.26m)], maker: [])).ShouldNotBeNull();

        ladder.Tiers.ShouldBe([new FeeLadderTier(0m, 0.26m, 0.26m)]);
    }

    [Fact]
    public void FromAssetPair_NoFees_IsNull() => FeeLadder.FromAssetPair(Pair(taker: [], maker: [])).ShouldBeNull();

    [Fact]
    public void Of_SharedThreshold_Throws() =>
        Should.Throw<ArgumentException>(() => FeeLadder.Of([new(0m, 0.2m, 0.3m), new(0m, 0.1m, 0.2m)])).Message.ShouldContain("share a threshold");

    private static AssetPairInfo Pair(IReadOnlyList<FeeTier> taker, IReadOnlyList<FeeTier> maker) =>
        new("XXBTZUSD", "XBTUSD", "XBT/USD", "XXBT", "ZUSD", 1, 8, 0.0001m, 0.5m, 0.1m, "online", taker, maker);
}
