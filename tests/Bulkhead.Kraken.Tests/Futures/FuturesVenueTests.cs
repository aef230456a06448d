using Bulkhead.Kraken.Venues;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Futures;

/// <summary>Uses the Futures REST client only through the venue-neutral interfaces: callers need nothing Futures-specific.</summary>
public sealed class FuturesVenueTests
{
    [Fact]
    public async Task Venues_OnlyThroughInterfaces_TradeReadAndMoveMoney()
    {
        await using var h = await FuturesHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        await RunStrategyAsync(h.Client, h.Client, h.Client, h.Client, ct);

        h.Server.Requests.ShouldAllBe(r => r.Authenticated);
    }

    private static async Task RunStrategyAsync(IOrderVenue orders, IBalanceVenue balances, IPositionVenue positions, ITransferVenue transfers, CancellationToken ct)
    {
        var wallets = (await balances.GetBalancesAsync(ct)).GetValueOrThrow();
        wallets.Balances.ShouldContain(new VenueBalance("flex", "USD", 5000m, 5000m));
        wallets.Balances.ShouldContain(new VenueBalance("cash", "xbt", 141.31756797m, 141.31756797m));
        wallets.Balances.ShouldContain(new VenueBalance("fi_xbtusd", "xbt", 141.31756797m, null));
        wallets.Margins.ShouldContain(new VenueMargin("flex", "USD", 34995.52m, 34122.66m, 0m, 0m));
        wallets.Margins.ShouldContain(new VenueMargin("fi_xbtusd", "xbt", 153.73891563m, 100.73891563m, 52.8m, 23.76m));

        var open = (await positions.GetOpenPositionsAsync(ct)).GetValueOrThrow();
        open[1].ShouldBe(new VenuePosition("PF_XBTUSD", PositionSide.Short, 0.0025m, 50100.5m, 0.12m));

        var ack = (await orders.PlaceOrderAsync(new VenueOrderRequest { Symbol = "PF_XBTUSD", Side = OrderSide.Buy, Kind = VenueOrderKind.Limit, Quantity = 0.001m, LimitPrice = 50000m }, ct)).GetValueOrThrow();
        ack.Status.ShouldBe(VenueOrderStatus.Placed);

        var resting = (await orders.GetOpenOrdersAsync(ct)).GetValueOrThrow();
        resting[1].ShouldBe(new VenueOpenOrder("6a7bd2c8-0b0e-4b87-9e2f-2c1d6f1f0b11", "grid-7", "PF_XBTUSD", OrderSide.Buy, VenueOrderKind.Limit, 0.002m, 0.0005m, 49000.5m, false, DateTimeOffset.Parse("2019-09-05T17:00:00.000Z")));
        resting[2].Kind.ShouldBeNull();

        var fills = (await orders.GetFillsAsync(ct)).GetValueOrThrow();
        fills.Select(f => f.IsMaker).ShouldBe([true, false]);

        (await orders.CancelOrderAsync(VenueOrderRef.ByClientOrderId("1234568"), ct)).GetValueOrThrow().CancelledOrderIds.ShouldBe(["cb4e34f6-4eb3-4d4b-9724-4c3035b99d47"]);
        (await orders.CancelAllAsync(null, ct)).GetValueOrThrow().CancelledOrderIds.Count.ShouldBe(2);
        (await orders.ArmDeadMansSwitchAsync(TimeSpan.FromSeconds(59.5), ct)).GetValueOrThrow().TriggerTime.ShouldNotBeNull();

        (await transfers.TransferBetweenWalletsAsync("cash", "flex", "usd", 100m, ct)).Success.ShouldBeTrue();
        (await transfers.TransferToSubaccountAsync("master", "7f5c528e-2285-45f0-95f5-83d53d4bfcd2", "flex", "flex", "usd", 100m, ct)).Success.ShouldBeTrue();
        (await transfers.WithdrawToSpotAsync("usd", 5m, cancellationToken: ct)).GetValueOrThrow().Reference.ShouldNotBeNull();
        var subs = (await transfers.ListSubaccountsAsync(ct)).GetValueOrThrow();
        subs.Single().Balances.ShouldContain(new VenueBalance("flex", "eth", 0.5m, 0.49999966035931903m));
        subs.Single().AvailableMargin.ShouldBe(1543.91m);
    }
}
