using Bulkhead.Fleet.Reporting.Internal;
using Bulkhead.Kraken.Venues;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Testing.Venues;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Reporting;

/// <summary>
/// The fee-tier view of a fleet that trades only Futures: the master's Spot key asks <c>TradeVolume</c> for the contract
/// as a <c>derivatives</c> asset (a JSON body) and gets the Futures tier at the master's and subaccounts' Futures volume.
/// </summary>
public sealed class FeeTierTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_FuturesOnlyFleet_ReadsTheFuturesTierThroughSpotTradeVolume()
    {
        await using var sandbox = await VenueSandbox.StartAsync();
        var maker = sandbox.Open("lp", KeyVenue.Futures, Wallet.FuturesFlex, ("ZUSD", 1_000_000m));
        sandbox.Open("desk", KeyVenue.Spot, Wallet.Spot, ("ZUSD", 1_000m));
        var hedge = sandbox.Open("hedge", "desk", KeyVenue.Futures, Wallet.FuturesFlex, ("ZUSD", 20_000m));
        (await maker.PlaceOrderAsync(new VenueOrderRequest { Symbol = "PF_XBTUSD", Side = OrderSide.Sell, Kind = VenueOrderKind.Limit, Quantity = 0.05m, LimitPrice = 100_000m }, Ct)).GetValueOrThrow();
        (await hedge.PlaceOrderAsync(new VenueOrderRequest { Symbol = "PF_XBTUSD", Side = OrderSide.Buy, Kind = VenueOrderKind.Market, Quantity = 0.05m }, Ct)).GetValueOrThrow();

        var status = (await FeeTier.ReadAsync(sandbox.SpotClient("desk"), spotPair: null, contract: "PF_XBTUSD", Ct)).ShouldNotBeNull();

        (status.Pair, status.Volume30d, status.TakerPercent, status.MakerPercent).ShouldBe(("PF_XBTUSD", 5_000m, 0.05m, 0.02m));
        (status.TierVolume, status.NextTakerPercent, status.NextTierVolume).ShouldBe((0m, 0.04m, 100_000m));
    }

    [Fact]
    public async Task ReadAsync_NothingTraded_IsNull()
    {
        await using var sandbox = await VenueSandbox.StartAsync();
        sandbox.Open("desk", KeyVenue.Spot, Wallet.Spot);

        (await FeeTier.ReadAsync(sandbox.SpotClient("desk"), null, null, Ct)).ShouldBeNull();
    }
}
