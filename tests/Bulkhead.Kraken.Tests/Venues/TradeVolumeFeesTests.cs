using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Testing.Venues;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Venues;

/// <summary>
/// <see cref="TradeVolumeFees"/> against a real sandbox: a subaccount's key reads the fees of the master's consolidated
/// tier — a Spot pair, or a Futures contract asked as a <c>derivatives</c> asset (what a strategy's context reads at start).
/// </summary>
public sealed class TradeVolumeFeesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetFeesAsync_SubaccountKey_ReadsTheMastersConsolidatedTier_ForAPairAndAContract()
    {
        await using var sandbox = await VenueSandbox.StartAsync();
        sandbox.Open("desk", KeyVenue.Spot, Wallet.Spot);
        sandbox.Open("mm", "desk", KeyVenue.Spot, Wallet.Spot);
        sandbox.Exchange.SetVolume("desk", 5_000_000m);

        var spot = (await new TradeVolumeFees(sandbox.SpotClient("mm"), derivatives: false).GetFeesAsync("XBTUSD", Ct)).GetValueOrThrow();
        var futures = (await new TradeVolumeFees(sandbox.SpotClient("mm"), derivatives: true).GetFeesAsync("PF_XBTUSD", Ct)).GetValueOrThrow();

        (spot.Symbol, spot.MakerPercent, spot.TakerPercent, spot.Volume30d).ShouldBe(("XBTUSD", 0.02m, 0.12m, 5_000_000m));
        (spot.MakerRate, spot.TakerRate).ShouldBe((0.0002m, 0.0012m));
        (futures.Symbol, futures.MakerPercent, futures.TakerPercent, futures.Volume30d).ShouldBe(("PF_XBTUSD", 0.01m, 0.025m, 5_000_000m));
    }

    [Fact]
    public async Task GetFeesAsync_NoVolume_IsThePublishedBaseTier_AnUnknownPairFails()
    {
        await using var sandbox = await VenueSandbox.StartAsync();
        sandbox.Open("desk", KeyVenue.Spot, Wallet.Spot);
        var fees = new TradeVolumeFees(sandbox.SpotClient("desk"), derivatives: false);

        var spot = (await fees.GetFeesAsync("XBTUSD", Ct)).GetValueOrThrow();
        var unknown = await fees.GetFeesAsync("NOPEUSD", Ct);

        (spot.MakerPercent, spot.TakerPercent).ShouldBe((FeeLadder.KrakenSpot.Tiers[0].MakerPercent, FeeLadder.KrakenSpot.Tiers[0].TakerPercent));
        unknown.Success.ShouldBeFalse();
        unknown.Error.Code.ShouldBe("EQuery:Unknown asset pair");
    }
}
