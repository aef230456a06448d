using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Fees;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Margin;

/// <summary>The margin book as a component: positions folded from committed trades, a batch's positions seen only by that batch.</summary>
public sealed class MarginBookTests
{
    private const string Xbt = "PF_XBTUSD";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_FuturesTrades_FoldIntoPositionsAndOpenInterest_SpotTradesIgnored()
    {
        var (margin, _, _) = Book();

        margin.Apply([Trade("long", Side.Buy, 2m, 90_000m, 1), Trade("short", Side.Sell, 2m, 90_000m, 2), Trade("long", Side.Sell, 0.5m, 91_000m, 3), Spot("long", 4)]);

        margin.PositionSize("long", Xbt).ShouldBe(1.5m);
        margin.PositionSize("short", Xbt).ShouldBe(-2m);
        margin.OpenInterest(Xbt).ShouldBe(1.5m);
        margin.Positions("long").Single().EntryPrice.ShouldBe(90_000m);
        margin.OpenPositions().Select(p => p.Account).ShouldBe(["long", "short"], ignoreOrder: true);
    }

    [Fact]
    public void ApplyPendingFill_SeenByItsBatchOnly_UntilTheTradesAreApplied()
    {
        var (margin, trading, _) = Book();
        var batch = trading.NewBatch();

        margin.ApplyPendingFill(batch, "long", Xbt, 1m, 90_000m).Position.Size.ShouldBe(1m);

        margin.State("long", batch).PositionSize(Xbt).ShouldBe(1m);
        margin.State("long", null).PositionSize(Xbt).ShouldBe(0m);
        margin.State("long", trading.NewBatch()).PositionSize(Xbt).ShouldBe(0m);
        margin.Apply([Trade("long", Side.Buy, 1m, 90_000m, 1)]);
        margin.State("long", batch).PositionSize(Xbt).ShouldBe(1m, "now from the committed position, the pending one is gone");
        margin.PositionSize("long", Xbt).ShouldBe(1m);
    }

    [Fact]
    public void MarginHold_TheFlexCollateralThePositionNeeds_NothingElsewhere()
    {
        var (margin, _, ledger) = Book();
        var entries = new List<LedgerEntry>();
        ledger.Begin(Now, entries).Move(LedgerEntryType.Deposit, (SystemAccounts.External, Wallet.FuturesFlex, "ZUSD", -10_000m), ("long", Wallet.FuturesFlex, "ZUSD", 10_000m));
        ledger.Apply(entries);
        margin.MarginHold("long", Wallet.FuturesFlex, "ZUSD").ShouldBe(0m, "no position, no order: nothing to keep");

        margin.Apply([Trade("long", Side.Buy, 0.1m, margin.Marks.Mark(Xbt), 1)]);

        var hold = margin.MarginHold("long", Wallet.FuturesFlex, "ZUSD");
        hold.ShouldBeGreaterThan(0m);
        hold.ShouldBe(10_000m - margin.Summary("long").AvailableMargin);
        margin.MarginHold("long", Wallet.Spot, "ZUSD").ShouldBe(0m);
    }

    private static (MarginBook Margin, TradingCore Trading, LedgerBook Ledger) Book()
    {
        var time = new FakeTimeProvider(Now);
        var accounts = new AccountDirectory();
        var ledger = new LedgerBook();
        var trading = new TradingCore(accounts, ledger, new FeeVolumes(accounts, time), time, _ => throw new InvalidOperationException("nothing commits here"));
        return (new MarginBook(ledger, trading), trading, ledger);
    }

    private static SandboxTrade Trade(string account, Side side, decimal volume, decimal price, long sequence) =>
        new("T" + sequence, "O" + sequence, account, TradingVenue.Futures, Xbt, side, OrderKind.Limit, price, volume, price * volume, 0m, "ZUSD", false, Now, sequence, price * volume);

    private static SandboxTrade Spot(string account, long sequence) =>
        new("T" + sequence, "O" + sequence, account, TradingVenue.Spot, "XXBTZUSD", Side.Buy, OrderKind.Limit, 90_000m, 1m, 90_000m, 0m, "ZUSD", false, Now, sequence, 90_000m);
}
