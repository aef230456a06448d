using Bulkhead.Kraken.Venues;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Futures;

/// <summary>Uses the Futures REST client only through the venue-neutral interfaces: callers need nothing Futures-specific.</summary>
public sealed class FuturesVenueTests
{
    private const string PerpetualFill = "56b86ada-73b0-454d-a95a-e29e3e85b349";
    private const string InverseFill = "3d57ed09-fbd6-44f1-8e8b-b10e551c5e73";

    /// <summary>
    /// The account log of the two fixture fills: the perpetual's cash leg (flex, USD) and its position leg (asset = the
    /// contract, repeating the fee), the inverse contract's fee in its own single-collateral wallet (XBT), a funding
    /// payment and a transfer.
    /// </summary>
    private const string AccountLog = """
        {"accountUid":"f7d5571c-6d10-4cf1-944a-048d25682ed0","logs":[
         {"id":5,"date":"2020-07-22T14:00:00.000Z","asset":"usd","info":"funding rate change","booking_uid":"f-1","margin_account":"flex","contract":"pf_xbtusd","old_balance":999.0,"new_balance":998.75,"fee":0,"realized_funding":-0.25,"execution":null},
         {"id":4,"date":"2020-07-22T13:37:27.077Z","asset":"xbt","info":"futures trade","booking_uid":"b-2","margin_account":"fi_xbtusd","contract":"pi_xbtusd","old_balance":1.0,"new_balance":0.99998,"fee":0.00002,"realized_pnl":0,"execution":"3d57ed09-fbd6-44f1-8e8b-b10e551c5e73"},
         {"id":3,"date":"2020-07-22T13:30:00.000Z","asset":"pf_xbtusd","info":"futures trade","booking_uid":"b-1","margin_account":"flex","contract":"pf_xbtusd","old_balance":0,"new_balance":-0.0025,"fee":0.0625,"execution":"56b86ada-73b0-454d-a95a-e29e3e85b349"},
         {"id":2,"date":"2020-07-22T13:30:00.000Z","asset":"usd","info":"futures trade","booking_uid":"b-1","margin_account":"flex","contract":"pf_xbtusd","old_balance":1000.0,"new_balance":999.0,"fee":0.0625,"realized_pnl":-0.9375,"execution":"56b86ada-73b0-454d-a95a-e29e3e85b349"},
         {"id":1,"date":"2020-07-22T09:00:00.000Z","asset":"usd","info":"transfer","booking_uid":"a0b1","margin_account":"flex","contract":null,"old_balance":0,"new_balance":1000,"fee":0,"execution":null}]}
        """;

    [Fact]
    public async Task Venues_OnlyThroughInterfaces_TradeReadAndMoveMoney()
    {
        await using var h = await FuturesHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        await RunStrategyAsync(h.Client, h.Client, ct);

        h.Server.Requests.Where(r => r.Path != "/derivatives/api/v3/instruments" && r.Path != "/derivatives/api/v3/tickers").ShouldAllBe(r => r.Authenticated);
    }

    [Fact]
    public async Task GetFills_FeeEntriesInAnyWalletButNotThePositionLeg_OneFeePerFillInItsCurrency()
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.Respond("account-log", AccountLog);
        IFillVenue venue = h.Client;

        var fills = (await venue.GetFillsAsync(VenueFillQuery.All, TestContext.Current.CancellationToken)).GetValueOrThrow();

        fills.Single(f => f.FillId == PerpetualFill).Fee.ShouldBe(new VenueFee(0.0625m, "USD"));
        fills.Single(f => f.FillId == InverseFill).Fee.ShouldBe(new VenueFee(0.00002m, "XBT"));
        fills.Single(f => f.FillId == InverseFill).Symbol.ShouldBe("PI_XBTUSD");
    }

    [Fact]
    public async Task GetFills_EveryFillKnown_ReadsNoAccountLog()
    {
        await using var h = await FuturesHarness.StartAsync();
        IFillVenue venue = h.Client;

        var fills = (await venue.GetFillsAsync(new VenueFillQuery { IsKnown = _ => true, StopAtKnownPage = true }, TestContext.Current.CancellationToken)).GetValueOrThrow();

        fills.ShouldBeEmpty();
        h.Server.Requests.ShouldNotContain(r => r.Path.Contains("account-log", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetLedger_AccountLog_KindsWalletsAndBalanceChangesWithoutPositionLegs()
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.Respond("account-log", AccountLog);
        ILedgerVenue venue = h.Client;

        var ledger = (await venue.GetLedgerAsync(null, TestContext.Current.CancellationToken)).GetValueOrThrow();

        ledger.Entries.Select(e => (e.EntryId, e.Kind, e.WalletKind, e.Currency, e.Change)).ShouldBe([
            ("1", VenueLedgerKind.Transfer, WalletKind.Margin, "USD", 1000m),
            ("2", VenueLedgerKind.Trade, WalletKind.Margin, "USD", -1m),
            ("4", VenueLedgerKind.Trade, WalletKind.IsolatedMargin, "XBT", -0.00002m),
            ("5", VenueLedgerKind.Funding, WalletKind.Margin, "USD", -0.25m),
        ]);
        ledger.Entries[1].Fee.ShouldBe(0.0625m);
        ledger.Entries[1].FillId.ShouldBe(PerpetualFill);
        ledger.Entries[3].Symbol.ShouldBe("PF_XBTUSD");
        var request = h.Server.Requests.Single(r => r.Path.Contains("account-log", StringComparison.Ordinal));
        request.Query.ShouldBe("from=1&count=1000&sort=asc");
    }

    [Fact]
    public async Task GetLedger_FromCursor_AsksForTheEntriesAfterIt()
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.Respond("account-log", AccountLog);
        ILedgerVenue venue = h.Client;
        var ct = TestContext.Current.CancellationToken;

        var first = (await venue.GetLedgerAsync(null, ct)).GetValueOrThrow();
        var second = (await venue.GetLedgerAsync(first.Cursor, ct)).GetValueOrThrow();

        h.Server.Requests.Where(r => r.Path.Contains("account-log", StringComparison.Ordinal)).Select(r => r.Query).ShouldBe(["from=1&count=1000&sort=asc", "from=6&count=1000&sort=asc"]);
        second.Entries.ShouldBeEmpty("the fake answers everything again; the client keeps only ids after the cursor");
        second.Cursor.ShouldBe(first.Cursor);
        (await venue.GetLedgerEndAsync(ct)).GetValueOrThrow().ShouldBe(first.Cursor);
    }

    [Fact]
    public async Task GetLedger_CursorOfAnotherTransport_Throws()
    {
        await using var h = await FuturesHarness.StartAsync();
        ILedgerVenue venue = h.Client;

        await Should.ThrowAsync<ArgumentException>(() => venue.GetLedgerAsync(new VenueLedgerCursor("spot-ledger:0:"), TestContext.Current.CancellationToken));
    }

    private static async Task RunStrategyAsync(IAccountVenue account, ITransferVenue transfers, CancellationToken ct)
    {
        var wallets = (await account.GetBalancesAsync(ct)).GetValueOrThrow();
        wallets.Balances.ShouldContain(new VenueBalance(WalletKind.Margin, "flex", "USD", 5000m, 5000m));
        wallets.Balances.ShouldContain(new VenueBalance(WalletKind.Holding, "cash", "xbt", 141.31756797m, 141.31756797m));
        wallets.Balances.ShouldContain(new VenueBalance(WalletKind.IsolatedMargin, "fi_xbtusd", "xbt", 141.31756797m, null));
        wallets.Margins.ShouldContain(new VenueMargin(WalletKind.Margin, "flex", "USD", 34995.52m, 34122.66m, 0m, 0m));
        wallets.Margins.ShouldContain(new VenueMargin(WalletKind.IsolatedMargin, "fi_xbtusd", "xbt", 153.73891563m, 100.73891563m, 52.8m, 23.76m));
        wallets.Margin!.Wallet.ShouldBe("flex");

        var open = (await account.GetOpenPositionsAsync(ct)).GetValueOrThrow();
        open[1].ShouldBe(new VenuePosition("PF_XBTUSD", PositionSide.Short, 0.0025m, 50100.5m, 0.12m));

        var instruments = (await account.GetInstrumentsAsync(ct)).GetValueOrThrow();
        instruments.ShouldContain(i => i.Symbol == "PF_XBTUSD" && i.TickSize > 0m);
        var tickers = (await account.GetTickersAsync(["PF_XBTUSD", "PF_NOSUCH"], ct)).GetValueOrThrow();
        tickers.Single().Symbol.ShouldBe("PF_XBTUSD");
        tickers.Single().Mark.ShouldNotBeNull();

        var ack = (await account.PlaceOrderAsync(new VenueOrderRequest { Symbol = "PF_XBTUSD", Side = OrderSide.Buy, Kind = VenueOrderKind.Limit, Quantity = 0.001m, LimitPrice = 50000m }, ct)).GetValueOrThrow();
        ack.Status.ShouldBe(VenueOrderStatus.Placed);

        var resting = (await account.GetOpenOrdersAsync(ct)).GetValueOrThrow();
        resting[1].ShouldBe(new VenueOpenOrder("6a7bd2c8-0b0e-4b87-9e2f-2c1d6f1f0b11", "grid-7", "PF_XBTUSD", OrderSide.Buy, VenueOrderKind.Limit, 0.002m, 0.0005m, 49000.5m, false, DateTimeOffset.Parse("2019-09-05T17:00:00.000Z", System.Globalization.CultureInfo.InvariantCulture)));
        resting[2].Kind.ShouldBeNull();

        var fills = (await account.GetFillsAsync(VenueFillQuery.All, ct)).GetValueOrThrow();
        fills.Select(f => f.IsMaker).ShouldBe([true, false]);
        fills.ShouldAllBe(f => f.Fee != null);

        (await account.CancelOrderAsync(VenueOrderRef.ByClientOrderId("1234568"), ct)).GetValueOrThrow().CancelledOrderIds.ShouldBe(["cb4e34f6-4eb3-4d4b-9724-4c3035b99d47"]);
        (await account.CancelAllAsync(null, ct)).GetValueOrThrow().Count.ShouldBe(2);
        (await account.ArmDeadMansSwitchAsync(TimeSpan.FromSeconds(59.5), ct)).GetValueOrThrow().TriggerTime.ShouldNotBeNull();

        (await transfers.TransferBetweenWalletsAsync(WalletKind.Holding, WalletKind.Margin, "usd", 100m, ct)).Success.ShouldBeTrue();
        (await transfers.TransferToSubaccountAsync("master", "7f5c528e-2285-45f0-95f5-83d53d4bfcd2", WalletKind.Margin, WalletKind.Margin, "usd", 100m, ct)).Success.ShouldBeTrue();
        (await transfers.WithdrawToSpotAsync("usd", 5m, cancellationToken: ct)).GetValueOrThrow().Reference.ShouldNotBeNull();
        var subs = (await transfers.ListSubaccountsAsync(ct)).GetValueOrThrow();
        subs.Single().Balances.ShouldContain(new VenueBalance(WalletKind.Margin, "flex", "eth", 0.5m, 0.49999966035931903m));
        subs.Single().AvailableMargin.ShouldBe(1543.91m);
    }
}
