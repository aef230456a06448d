using System.Collections.Immutable;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reconciliation;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Transport;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;
using Bulkhead.Testing.FakeKraken;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Venues;

/// <summary>
/// Issue 16: the runtime's fill journal and the fleet's statement read a Futures account's fills and fees the same way.
/// Before, the runtime counted every account-log fee entry of a fill (so a position leg repeating the fee counted twice,
/// and an XBT fee counted as USD) while the fleet counted only flex-wallet entries (so a single-collateral fill paid
/// nothing): reconciliation reported fee mismatches on fills both had read correctly from the exchange.
/// </summary>
public sealed class FillReadersAgreeTests : IAsyncDisposable
{
    private const string ApiKey = "futures-agree-key-0001";
    private const string Perpetual = "56b86ada-73b0-454d-a95a-e29e3e85b349";
    private const string Inverse = "3d57ed09-fbd6-44f1-8e8b-b10e551c5e73";
    private static readonly string Secret = Convert.ToBase64String(Enumerable.Range(1, 64).Select(i => (byte)i).ToArray());

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkhead-agree-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 7, 22, 15, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private FakeFuturesServer? _server;

    [Fact]
    public async Task RuntimeJournalAndFleetStatement_FeesInSeveralWalletsAndAPositionLeg_ReconcileWithoutFeeMismatch_Issue16()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await StartAsync();
        Directory.CreateDirectory(_folder);
        using var journal = FillJournal.Open("sqlite:journal.db", _folder, _time);
        var location = new SourceLocation("fleet.toml", 1, 1);
        var strategy = new Strategy("hedge", "hedge", "futures-hedge", ["PF_XBTUSD"], ImmutableSortedDictionary<string, string>.Empty, location);
        var context = new StrategyContext(strategy, new Subaccount("hedge", Venue.Futures, null, true, new RiskLimits(1m, null, null), location), "hedge-trader", new StrategyVenue(Venue.Futures, client, _time), journal, _time);

        var journaled = (await context.PollFillsAsync(everything: true, ct)).GetValueOrThrow();
        var statement = await AccountStatements.ReadAsync(client, Venue.Futures, "hedge", isMaster: false, "hedge-reconciler", ct);

        journaled.Select(f => (f.FillId, f.Fee, f.FeeAsset)).OrderBy(f => f.FillId).ShouldBe([(Inverse, 0.00002m, "XBT"), (Perpetual, 0.0625m, "USD")]);
        statement.Fills.Select(f => (f.FillId, f.Fee!.Amount, f.Fee.Currency)).OrderBy(f => f.FillId).ShouldBe([(Inverse, 0.00002m, "XBT"), (Perpetual, 0.0625m, "USD")]);
        var marks = new MarkPrices(_time.GetUtcNow(), new Dictionary<string, decimal> { ["PF_XBTUSD"] = 9400m, ["PI_XBTUSD"] = 9400m }, new Dictionary<string, decimal> { ["XBT"] = 9400m });
        var reconciled = FleetReconciler.Compare(new FleetStatement("sandbox", marks, [statement], null), journal.Fills(), _time.GetUtcNow());
        reconciled.Differences.Where(d => d.Kind is DifferenceKind.Missing or DifferenceKind.Extra or DifferenceKind.Mismatch).ShouldBeEmpty();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<FuturesRestClient> StartAsync()
    {
        _server = await FakeFuturesServer.StartAsync(_folder, _time);
        _server.AddKey(ApiKey, Secret);
        _server.Respond("fills", $$"""
            {"result":"success","serverTime":"2020-07-22T13:40:00.000Z","fills":[
             {"fill_id":"{{Inverse}}","symbol":"pi_xbtusd","side":"buy","order_id":"o-2","size":5490,"price":9400,"fillTime":"2020-07-22T13:37:27.077Z","fillType":"maker"},
             {"fill_id":"{{Perpetual}}","symbol":"PF_XBTUSD","side":"sell","order_id":"o-1","cliOrdId":"grid-3","size":"0.0025","price":"50010.5","fillTime":"2020-07-22T13:30:00.000Z","fillType":"taker"}]}
            """);
        _server.Respond("account-log", $$"""
            {"accountUid":"f7d5571c-6d10-4cf1-944a-048d25682ed0","logs":[
             {"id":4,"date":"2020-07-22T13:37:27.077Z","asset":"xbt","info":"futures trade","booking_uid":"b-2","margin_account":"fi_xbtusd","contract":"pi_xbtusd","old_balance":1.0,"new_balance":0.99998,"fee":0.00002,"realized_pnl":0,"execution":"{{Inverse}}"},
             {"id":3,"date":"2020-07-22T13:30:00.000Z","asset":"pf_xbtusd","info":"futures trade","booking_uid":"b-1","margin_account":"flex","contract":"pf_xbtusd","old_balance":0,"new_balance":-0.0025,"fee":0.0625,"execution":"{{Perpetual}}"},
             {"id":2,"date":"2020-07-22T13:30:00.000Z","asset":"usd","info":"futures trade","booking_uid":"b-1","margin_account":"flex","contract":"pf_xbtusd","old_balance":1000.0,"new_balance":999.9375,"fee":0.0625,"realized_pnl":0,"execution":"{{Perpetual}}"},
             {"id":1,"date":"2020-07-22T09:00:00.000Z","asset":"usd","info":"transfer","booking_uid":"a0b1","margin_account":"flex","contract":null,"old_balance":0,"new_balance":1000,"fee":0,"execution":null}]}
            """);
        _server.Respond("accounts", """
            {"result":"success","serverTime":"2020-07-22T15:00:00.000Z","accounts":{
             "cash":{"type":"cashAccount","balances":{}},
             "flex":{"type":"multiCollateralMarginAccount","currencies":{"USD":{"quantity":999.9375,"value":999.9375,"collateral":999.9375,"available":999.9375}},"balanceValue":999.9375,"portfolioValue":999.9375,"collateralValue":999.9375,"initialMargin":0,"initialMarginWithOrders":0,"maintenanceMargin":0,"pnl":0,"unrealizedFunding":0,"totalUnrealized":0,"totalUnrealizedAsMargin":0,"marginEquity":999.9375,"availableMargin":999.9375}}}
            """);
        _server.Respond("openpositions", """{"result":"success","serverTime":"2020-07-22T15:00:00.000Z","openPositions":[]}""");
        var credentials = KrakenCredentials.Create(ApiKey, Secret);
        var key = new KrakenKey(credentials, new FuturesTestNonceSource(), new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), _time));
        return new FuturesRestClient(_http, new KrakenClientOptions { BaseUrl = _server.BaseUrl, RetryBaseDelay = TimeSpan.Zero }, _time, key);
    }
}
