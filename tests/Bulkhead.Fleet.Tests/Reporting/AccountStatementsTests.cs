using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reconciliation;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Venues;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Testing.Venues;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Reporting;

/// <summary>
/// A Futures account on a real sandbox read through the venue surface: incrementally from the last read's progress, with
/// the hourly funding the sandbox books, and reconciled against a journal of its fills.
/// </summary>
public sealed class AccountStatementsTests : IAsyncLifetime
{
    private const string Symbol = "PF_XBTUSD";
    private VenueSandbox _sandbox = null!;
    private IAccountVenue _maker = null!;
    private IAccountVenue _taker = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await VenueSandbox.StartAsync();
        _maker = _sandbox.Open("maker", KeyVenue.Futures, Wallet.FuturesFlex, ("ZUSD", 1_000_000m));
        _taker = _sandbox.Open("taker", KeyVenue.Futures, Wallet.FuturesFlex, ("ZUSD", 10_000m));
    }

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task SecondRead_FromTheFirstsProgress_AsksOnlyForWhatWasBookedSince_AndAddsUpToAFullRead()
    {
        var recorder = new RecordingVenue(_taker);
        await TradeAsync();
        var first = await AccountStatements.ReadAsync(recorder, Venue.Futures, "taker", false, "taker-reconciler", StatementProgress.Start, Ct);
        first.Statement.NetFlows.ShouldBe(new Dictionary<string, decimal> { ["USD"] = 10_000m });
        recorder.Reads.ShouldBe(["ledger after : 2 entries", "fills since 0001-01-01T00:00:00: 1"], "the first read is the whole history: the deposit and the first trade");
        await TradeAndFundAsync();
        recorder.Reads.Clear();

        var second = await AccountStatements.ReadAsync(recorder, Venue.Futures, "taker", false, "taker-reconciler", first.Progress, Ct);

        var since = first.Statement.Fills.Single().Time;
        recorder.Reads.ShouldBe([$"ledger after {first.Progress.LedgerCursor}: 2 entries", $"fills since {since:s}: 1"], "only the second trade and the funding are new");
        second.Restarted.ShouldBeFalse();
        second.NewFills.ShouldHaveSingleItem().ShouldNotBe(first.Statement.Fills.Single());
        var full = await AccountStatements.ReadAsync(_taker, Venue.Futures, "taker", false, "taker-reconciler", Ct);
        second.Statement.NetFlows.ShouldBe(full.NetFlows);
        second.Statement.Funding.ShouldBe(full.Funding);
        second.Statement.OtherBookings.ShouldBe(full.OtherBookings);
        second.Statement.Balances.ShouldBe(full.Balances);
        second.Statement.Fills.ShouldBe(full.Fills);
        second.Statement.Funding["USD"].ShouldBeLessThan(0m, "the long paid the hour's funding");
    }

    [Fact]
    public async Task Read_ProgressOfAnotherHistory_ReadsTheWholeHistoryAgain()
    {
        await TradeAsync();
        var kept = await AccountStatements.ReadAsync(_taker, Venue.Futures, "taker", false, "taker-reconciler", StatementProgress.Start, Ct);
        await using var reset = await VenueSandbox.StartAsync();
        var fresh = reset.Open("taker", KeyVenue.Futures, Wallet.FuturesFlex, ("ZUSD", 2_500m), ("ZUSD", 500m), ("ZUSD", 7_000m));

        var read = await AccountStatements.ReadAsync(fresh, Venue.Futures, "taker", false, "taker-reconciler", kept.Progress, Ct);

        read.Restarted.ShouldBeTrue("the new exchange's entries do not start from the balances the kept progress ended at");
        read.Statement.NetFlows.ShouldBe(new Dictionary<string, decimal> { ["USD"] = 10_000m });
        read.Statement.Fills.ShouldBeEmpty();
        read.NewFills.ShouldBeEmpty();
    }

    [Fact]
    public async Task Read_ProgressOfAnotherTransport_ReadsTheWholeHistoryAgain()
    {
        var other = StatementProgress.Start with { LedgerCursor = new VenueLedgerCursor("spot-ledger:0:") };

        var read = await AccountStatements.ReadAsync(_taker, Venue.Futures, "taker", false, "taker-reconciler", other, Ct);

        read.Restarted.ShouldBeTrue();
        read.Statement.NetFlows.ShouldBe(new Dictionary<string, decimal> { ["USD"] = 10_000m });
    }

    [Fact]
    public async Task Reconcile_AccountThatPaidFunding_IsCleanAgainstItsFills()
    {
        await TradeAndFundAsync();
        var statement = await AccountStatements.ReadAsync(_taker, Venue.Futures, "taker", false, "taker-reconciler", Ct);
        var journal = statement.Fills.Select(f => new JournalFill("taker", "taker", "taker-trader", Venue.Futures, f.Symbol, f.FillId, f.OrderId, f.Side, f.Quantity, f.Price, f.Fee!.Amount, f.Fee.Currency, f.Time)).ToList();
        var mark = (await _taker.GetTickersAsync([Symbol], Ct)).GetValueOrThrow().Single().Mark!.Value;
        var marks = new MarkPrices(_sandbox.Time.GetUtcNow(), new Dictionary<string, decimal> { [Symbol] = mark }, new Dictionary<string, decimal>());

        var result = FleetReconciler.Compare(new FleetStatement("sandbox", marks, [statement], null), journal, _sandbox.Time.GetUtcNow());

        result.Differences.ShouldBeEmpty();
        var report = Valuation.Account(statement, marks);
        report.FundingUsd.ShouldBe(statement.Funding["USD"]);
        report.TradingPnlUsd.ShouldBe(report.ExchangePnlUsd - report.FundingUsd);
        Math.Abs(report.ExchangePnlUsd - Valuation.Strategy("taker", "taker", journal, marks).PnlUsd).ShouldBeGreaterThan(result.Accounts.Single().AllowanceUsd, "without funding apart the books would not reconcile");
    }

    /// <summary>The taker buys the maker's ask at market (a long), then an hour passes marked above the index: the long pays funding.</summary>
    private async Task TradeAndFundAsync()
    {
        await TradeAsync();
        _sandbox.Exchange.UpdateMarkPrice(Symbol, 100_100m, 100_000m);
        _sandbox.Time.Advance(TimeSpan.FromHours(1));
    }

    /// <summary>The taker buys 0.05 of the maker's ask at market; a second later.</summary>
    private async Task TradeAsync()
    {
        (await _maker.PlaceOrderAsync(new VenueOrderRequest { Symbol = Symbol, Side = OrderSide.Sell, Kind = VenueOrderKind.Limit, Quantity = 0.05m, LimitPrice = 100_000m }, Ct)).GetValueOrThrow();
        (await _taker.PlaceOrderAsync(new VenueOrderRequest { Symbol = Symbol, Side = OrderSide.Buy, Kind = VenueOrderKind.Market, Quantity = 0.05m }, Ct)).GetValueOrThrow();
        _sandbox.Time.Advance(TimeSpan.FromSeconds(1));
    }

    /// <summary>The taker's account as the reader sees it, noting what each ledger and fill read asked for and got.</summary>
    private sealed class RecordingVenue(IAccountVenue inner) : IAccountVenue
    {
        public List<string> Reads { get; } = [];

        public async Task<KrakenResult<VenueLedger>> GetLedgerAsync(VenueLedgerCursor? after = null, CancellationToken cancellationToken = default)
        {
            var ledger = await inner.GetLedgerAsync(after, cancellationToken);
            Reads.Add($"ledger after {after}: {ledger.Value?.Entries.Count} entries");
            return ledger;
        }

        public async Task<KrakenResult<IReadOnlyList<VenueFill>>> GetFillsAsync(VenueFillQuery query, CancellationToken cancellationToken = default)
        {
            var fills = await inner.GetFillsAsync(query, cancellationToken);
            Reads.Add($"fills since {query.Since ?? DateTimeOffset.MinValue:s}: {fills.Value?.Count}");
            return fills;
        }

        public Task<KrakenResult<VenueLedgerCursor>> GetLedgerEndAsync(CancellationToken cancellationToken = default) => inner.GetLedgerEndAsync(cancellationToken);

        public Task<KrakenResult<VenueOrderAck>> PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken = default) => inner.PlaceOrderAsync(request, cancellationToken);

        public Task<KrakenResult<VenueCancelAck>> CancelOrderAsync(VenueOrderRef order, CancellationToken cancellationToken = default) => inner.CancelOrderAsync(order, cancellationToken);

        public Task<KrakenResult<VenueCancelAck>> CancelAllAsync(string? symbol = null, CancellationToken cancellationToken = default) => inner.CancelAllAsync(symbol, cancellationToken);

        public Task<KrakenResult<DeadMansSwitchState>> ArmDeadMansSwitchAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => inner.ArmDeadMansSwitchAsync(timeout, cancellationToken);

        public Task<KrakenResult<IReadOnlyList<VenueOpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default) => inner.GetOpenOrdersAsync(cancellationToken);

        public Task<KrakenResult<VenueBalances>> GetBalancesAsync(CancellationToken cancellationToken = default) => inner.GetBalancesAsync(cancellationToken);

        public Task<KrakenResult<IReadOnlyList<VenuePosition>>> GetOpenPositionsAsync(CancellationToken cancellationToken = default) => inner.GetOpenPositionsAsync(cancellationToken);

        public Task<KrakenResult<IReadOnlyList<VenueInstrument>>> GetInstrumentsAsync(CancellationToken cancellationToken = default) => inner.GetInstrumentsAsync(cancellationToken);

        public Task<KrakenResult<IReadOnlyList<VenueTicker>>> GetTickersAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default) => inner.GetTickersAsync(symbols, cancellationToken);
    }
}
