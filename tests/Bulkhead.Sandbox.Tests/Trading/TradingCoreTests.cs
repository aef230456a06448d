using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Fees;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Trading;

/// <summary>
/// The trading core as a component, wired to the real account directory, ledger and fee volumes by a commit that checks
/// and applies each change set as the exchange's does: one commit per operation, nothing on a refusal, books rebuilt
/// when a commit fails.
/// </summary>
public sealed class TradingCoreTests
{
    private const string Pair = "XXBTZUSD";

    [Fact]
    public void Place_RestingBuy_OneCommitWithTheOrderAndItsHold()
    {
        var rig = new Rig();
        rig.Open("desk", usd: 1_000m);
        var before = rig.Commits.Count;

        var placed = rig.Trading.Place(Limit("desk", Side.Buy, 0.01m, 10_000m));

        placed.Success.ShouldBeTrue(placed.Detail);
        rig.Commits.Count.ShouldBe(before + 1);
        rig.Commits[^1].Orders.Single().Id.ShouldBe(placed.Value.Order.Id);
        rig.Commits[^1].Entries.ShouldBeEmpty();
        rig.Trading.HoldOf("desk", Wallet.Spot, "ZUSD").ShouldBe(100.4m, "0.01 × 10,000 plus the 0.40 % taker fee at placement");
        rig.Trading.BestPrices(TradingVenue.Spot, Pair).Bid.ShouldBe(10_000m);
    }

    [Fact]
    public void Place_Crossing_OneCommitWithBothSidesAndBalancedEntriesUnderTheTradeId()
    {
        var rig = new Rig();
        rig.Open("maker", btc: 1m);
        rig.Open("taker", usd: 1_000m);
        rig.Trading.Place(Limit("maker", Side.Sell, 0.01m, 10_000m)).Success.ShouldBeTrue();
        var before = rig.Commits.Count;

        var taken = rig.Trading.Place(Limit("taker", Side.Buy, 0.01m, 10_000m));

        rig.Commits.Count.ShouldBe(before + 1);
        var commit = rig.Commits[^1];
        commit.Trades.Select(t => t.Account).ShouldBe(["maker", "taker"], ignoreOrder: true);
        commit.Trades.Select(t => t.Id).Distinct().Single().ShouldBe(taken.Value!.Trades.Single().Id);
        commit.Entries.ShouldAllBe(e => e.RefId == taken.Value.Trades[0].Id);
        LedgerBook.EnsureBalanced(commit.Entries);
        rig.Ledger.Balance("taker", Wallet.Spot, "XXBT").ShouldBe(0.01m);
        rig.Ledger.Balance(SystemAccounts.Fees, Wallet.Spot, "ZUSD").ShouldBe(0.4m + 0.25m, "taker 0.40 %, maker 0.25 % of 100 USD");
        rig.Trading.OpenOf("maker").ShouldBeEmpty();
    }

    [Fact]
    public void Place_Refused_NoCommitAndNoChange()
    {
        var rig = new Rig();
        rig.Open("desk", usd: 10m);
        var before = rig.Commits.Count;

        var refused = rig.Trading.Place(Limit("desk", Side.Buy, 0.01m, 10_000m));

        refused.Rejection.ShouldBe(SandboxRejection.InsufficientFunds);
        rig.Commits.Count.ShouldBe(before);
        rig.Trading.BestPrices(TradingVenue.Spot, Pair).Bid.ShouldBeNull();
        rig.Trading.Size.Orders.ShouldBe(0);
    }

    [Fact]
    public void Place_CommitFails_BookRebuiltFromTheCommittedOrders()
    {
        var rig = new Rig();
        rig.Open("maker", btc: 1m);
        rig.Open("taker", usd: 1_000m);
        var resting = rig.Trading.Place(Limit("maker", Side.Sell, 0.01m, 10_000m)).Value!.Order;
        rig.FailNext = true;

        Should.Throw<IOException>(() => rig.Trading.Place(Limit("taker", Side.Buy, 0.01m, 10_000m)));

        rig.Trading.BestPrices(TradingVenue.Spot, Pair).Ask.ShouldBe(10_000m);
        rig.Trading.OpenOf("maker").Single().Id.ShouldBe(resting.Id);
        rig.Trading.AllTrades().ShouldBeEmpty();
        var retried = rig.Trading.Place(Limit("taker", Side.Buy, 0.01m, 10_000m));
        retried.Value!.Trades.Single().Volume.ShouldBe(0.01m);
    }

    [Fact]
    public void DeadMansSwitch_FiresOnceTheClockPassesTheTrigger_InOneCommit()
    {
        var rig = new Rig();
        rig.Open("desk", usd: 1_000m);
        rig.Trading.Place(Limit("desk", Side.Buy, 0.01m, 10_000m)).Success.ShouldBeTrue();
        rig.Trading.Place(Limit("desk", Side.Buy, 0.01m, 9_000m)).Success.ShouldBeTrue();
        rig.Trading.SetDeadMansSwitch("desk", TradingVenue.Spot, TimeSpan.FromSeconds(60)).Value!.TriggerTime.ShouldBe(rig.Time.GetUtcNow().AddSeconds(60));
        var before = rig.Commits.Count;

        rig.Time.Advance(TimeSpan.FromSeconds(59));
        rig.Trading.RunDeadlines();
        rig.Commits.Count.ShouldBe(before);
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        rig.Trading.RunDeadlines();

        rig.Commits.Count.ShouldBe(before + 1);
        rig.Commits[^1].Orders.ShouldAllBe(o => o.Reason == CancelReasons.DeadMansSwitch);
        rig.Trading.OpenOf("desk").ShouldBeEmpty();
        rig.Trading.DeadMansSwitch("desk", TradingVenue.Spot).ShouldBeNull();
    }

    [Fact]
    public void CancelWhere_SelectedOrdersOnly_OneCommitAndTheCancelPenaltyCharged()
    {
        var rig = new Rig();
        rig.Open("desk", usd: 1_000m);
        var keep = rig.Trading.Place(Limit("desk", Side.Buy, 0.01m, 10_000m)).Value!.Order;
        var drop = rig.Trading.Place(Limit("desk", Side.Buy, 0.01m, 9_000m)).Value!.Order;
        var counter = rig.Trading.Counters.Level("desk", Pair);
        var before = rig.Commits.Count;

        var cancelled = rig.Trading.CancelWhere("desk", o => o.Id == drop.Id);

        cancelled.Single().Id.ShouldBe(drop.Id);
        rig.Commits.Count.ShouldBe(before + 1);
        rig.Trading.OpenOf("desk").Single().Id.ShouldBe(keep.Id);
        rig.Trading.HoldOf("desk", Wallet.Spot, "ZUSD").ShouldBe(100.4m);
        rig.Trading.Counters.Level("desk", Pair).ShouldBeGreaterThan(counter);
        rig.Trading.CancelWhere("desk", _ => false).ShouldBeEmpty();
        rig.Commits.Count.ShouldBe(before + 1);
    }

    private static SandboxOrderRequest Limit(string account, Side side, decimal volume, decimal price) =>
        new(account, TradingVenue.Spot, Pair, side, OrderKind.Limit, volume, price);

    private sealed class Rig
    {
        public Rig()
        {
            Fees = new FeeVolumes(Accounts, Time);
            Trading = new TradingCore(Accounts, Ledger, Fees, Time, Commit);
        }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

        public AccountDirectory Accounts { get; } = new();

        public LedgerBook Ledger { get; } = new();

        public FeeVolumes Fees { get; }

        public TradingCore Trading { get; }

        public List<SandboxChangeSet> Commits { get; } = [];

        public bool FailNext { get; set; }

        public void Open(string name, decimal usd = 0m, decimal btc = 0m)
        {
            var changes = new SandboxChangeSet();
            changes.Accounts.Add(Accounts.Open(name, null, Time.GetUtcNow()).Value!);
            var posting = Ledger.Begin(Time.GetUtcNow(), changes.Entries);
            foreach (var (asset, amount) in new[] { ("ZUSD", usd), ("XXBT", btc) })
            {
                if (amount > 0m)
                {
                    posting.Move(LedgerEntryType.Deposit, (SystemAccounts.External, Wallet.Spot, asset, -amount), (name, Wallet.Spot, asset, amount));
                }
            }

            Commit(changes);
        }

        private void Commit(SandboxChangeSet changes)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("injected: the disk is full");
            }

            LedgerBook.EnsureBalanced(changes.Entries);
            Commits.Add(changes);
            Accounts.Apply(changes.Accounts);
            Ledger.Apply(changes.Entries);
            Trading.Apply(changes, null);
            Fees.Apply(changes.Trades);
        }
    }
}
