using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Fees;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Bulkhead.Sandbox.Tests.Trading;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Fees;

public sealed class FeeTierTests
{
    [Theory]
    [InlineData(0, 0.25, 0.40)]
    [InlineData(9_999.99, 0.25, 0.40)]
    [InlineData(10_000, 0.20, 0.35)]
    [InlineData(2_500_000, 0.04, 0.14)]
    [InlineData(50_000_000, 0, 0.10)]
    public void Spot_TierByVolume(decimal volume, decimal maker, decimal taker)
    {
        FeeSchedules.Spot.PercentFor(volume, maker: true).ShouldBe(maker);
        FeeSchedules.Spot.PercentFor(volume, maker: false).ShouldBe(taker);
    }

    [Theory]
    [InlineData(0, 0.02, 0.05)]
    [InlineData(100_000, 0.015, 0.04)]
    [InlineData(7_500_000, 0.01, 0.025)]
    [InlineData(200_000_000, 0, 0.01)]
    public void Futures_TierByVolume(decimal volume, decimal maker, decimal taker)
    {
        FeeSchedules.Futures.PercentFor(volume, maker: true).ShouldBe(maker);
        FeeSchedules.Futures.PercentFor(volume, maker: false).ShouldBe(taker);
    }

    [Fact]
    public void AssetPairs_ReadsTheOneTable()
    {
        PairCatalog.TakerFees.ShouldBe(FeeSchedules.Spot.Tiers.Select(t => (t.Volume, t.TakerPercent)));
        PairCatalog.MakerFees.ShouldBe(FeeSchedules.Spot.Tiers.Select(t => (t.Volume, t.MakerPercent)));
        FeeSchedules.Spot.NextTier(10_000_000m).ShouldBeNull();
        FeeSchedules.Spot.NextTier(0m)!.Volume.ShouldBe(10_000m);
    }

    [Fact]
    public void TwoSubaccounts_EachBelowTheBoundary_TogetherAbove_FeeChanges()
    {
        using var f = new TradingFixture();
        f.Fund("mm", "ZUSD", 20_000m);
        f.Fund("dir", "ZUSD", 20_000m);
        f.Fund("other", "XXBT", 10m);
        f.Exchange.FeePercent("mm", TradingVenue.Spot, maker: false).ShouldBe(0.40m);

        // mm buys $6,000 and dir buys $6,000: each under the $10,000 boundary, together $12,000 above it.
        TradingFixture.Placed(f.Limit("other", Side.Sell, 0.3m, 50_000m));
        f.Market("mm", Side.Buy, 0.12m).Value!.Trades.ShouldHaveSingleItem().Fee.ShouldBe(24m);
        f.Exchange.ConsolidatedVolumeUsd("dir", TradingVenue.Spot).ShouldBe(6_000m);
        f.Market("dir", Side.Buy, 0.12m).Value!.Trades.ShouldHaveSingleItem().Fee.ShouldBe(24m);
        f.Exchange.Trades("mm").Sum(t => t.UsdVolume).ShouldBeLessThan(10_000m);
        f.Exchange.Trades("dir").Sum(t => t.UsdVolume).ShouldBeLessThan(10_000m);
        f.Exchange.ConsolidatedVolumeUsd("desk", TradingVenue.Spot).ShouldBe(12_000m);
        f.Exchange.FeePercent("mm", TradingVenue.Spot, maker: false).ShouldBe(0.35m);
        f.Exchange.FeePercent("dir", TradingVenue.Spot, maker: true).ShouldBe(0.20m);

        // The next trade pays the new tier: 0.35 % of $1,000.
        f.Market("dir", Side.Buy, 0.02m).Value!.Trades.ShouldHaveSingleItem().Fee.ShouldBe(3.5m);
        f.ShouldConserve();

        // After 30 days the traded volume leaves the window.
        f.Time.Advance(SandboxExchange.FeeWindow + TimeSpan.FromSeconds(1));
        f.Exchange.FeePercent("mm", TradingVenue.Spot, maker: false).ShouldBe(0.40m);
    }

    [Fact]
    public async Task TradeVolume_OverHttp_ConsolidatedVolumeAndFeesAsKrakenShapesThem()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var desk = sandbox.Master("desk");
        sandbox.Sub("mm", desk);
        sandbox.Sub("dir", desk);
        sandbox.Exchange.SetVolume("mm", 6_000m).Success.ShouldBeTrue();
        var key = sandbox.Key("dir");
        var before = (await sandbox.PrivateAsync(key, "TradeVolume", "pair=XBTUSD,ETHUSD&fee-info=true")).ShouldSucceed();
        before.GetProperty("volume").GetString().ShouldBe("6000.0000");
        before.GetProperty("fees").GetProperty("XXBTZUSD").GetProperty("fee").GetString().ShouldBe("0.4000");

        sandbox.Exchange.SetVolume("dir", 5_000m).Success.ShouldBeTrue();
        var after = (await sandbox.PrivateAsync(key, "TradeVolume", "pair=XBTUSD&fee-info=true")).ShouldSucceed();
        after.GetProperty("currency").GetString().ShouldBe("ZUSD");
        after.GetProperty("volume").GetString().ShouldBe("11000.0000");
        var taker = after.GetProperty("fees").GetProperty("XXBTZUSD");
        (taker.GetProperty("fee").GetString(), taker.GetProperty("minfee").GetString(), taker.GetProperty("maxfee").GetString(), taker.GetProperty("nextfee").GetString(), taker.GetProperty("nextvolume").GetString(), taker.GetProperty("tiervolume").GetString())
            .ShouldBe(("0.3500", "0.1000", "0.4000", "0.2400", "50000.0000", "10000.0000"));
        after.GetProperty("fees_maker").GetProperty("XXBTZUSD").GetProperty("fee").GetString().ShouldBe("0.2000");
        var typed = await sandbox.Client(key).GetTradeVolumeAsync(["XXBTZUSD"], TestContext.Current.CancellationToken);
        typed.Value!.TakerFees["XXBTZUSD"].Percent.ShouldBe(0.35m);
    }

    [Fact]
    public async Task TwoSubaccountsTradeOverHttp_TogetherCrossTheTier_NextFillPaysTheLowerFee()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var desk = sandbox.Master("desk");
        var mm = sandbox.Sub("mm", desk);
        var dir = sandbox.Sub("dir", desk);
        var other = sandbox.Master("other");
        sandbox.Exchange.Deposit(mm, Wallet.Spot, "ZUSD", 20_000m).Success.ShouldBeTrue();
        sandbox.Exchange.Deposit(dir, Wallet.Spot, "ZUSD", 20_000m).Success.ShouldBeTrue();
        sandbox.Exchange.Deposit(other, Wallet.Spot, "XXBT", 1m).Success.ShouldBeTrue();
        var (mmKey, dirKey, otherKey) = (sandbox.Key(mm), sandbox.Key(dir), sandbox.Key(other));
        (await sandbox.PrivateAsync(otherKey, "AddOrder", "pair=XBTUSD&type=sell&ordertype=limit&volume=0.5&price=50000")).ShouldSucceed();

        (await sandbox.PrivateAsync(mmKey, "AddOrder", "pair=XBTUSD&type=buy&ordertype=market&volume=0.12")).ShouldSucceed();
        (await sandbox.PrivateAsync(dirKey, "TradeVolume", "pair=XBTUSD")).ShouldSucceed().GetProperty("fees").GetProperty("XXBTZUSD").GetProperty("fee").GetString().ShouldBe("0.4000");
        (await sandbox.PrivateAsync(dirKey, "AddOrder", "pair=XBTUSD&type=buy&ordertype=market&volume=0.12")).ShouldSucceed();
        sandbox.Exchange.Trades(mm).Sum(t => t.UsdVolume).ShouldBe(6_000m);
        sandbox.Exchange.Trades(dir).Sum(t => t.UsdVolume).ShouldBe(6_000m);

        var volume = (await sandbox.PrivateAsync(dirKey, "TradeVolume", "pair=XBTUSD")).ShouldSucceed();
        volume.GetProperty("volume").GetString().ShouldBe("12000.0000");
        volume.GetProperty("fees").GetProperty("XXBTZUSD").GetProperty("fee").GetString().ShouldBe("0.3500");
        (await sandbox.PrivateAsync(mmKey, "AddOrder", "pair=XBTUSD&type=buy&ordertype=market&volume=0.02")).ShouldSucceed();
        sandbox.Time.Advance(TimeSpan.FromSeconds(10));
        var fees = (await sandbox.PrivateAsync(mmKey, "TradesHistory")).ShouldSucceed().GetProperty("trades").EnumerateObject()
            .Select(t => t.Value.GetProperty("fee").GetString()).ToList();
        fees.ShouldBe(["3.5000", "24.0000"]); // newest first: 0.35 % of $1,000, then 0.40 % of $6,000
        sandbox.Exchange.UnbalancedMovements().ShouldBeEmpty();
    }
}
