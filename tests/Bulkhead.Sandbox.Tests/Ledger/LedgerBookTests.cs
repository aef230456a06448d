using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Ledger;

/// <summary>The ledger component: one booking path with running balances, and no unbalanced change set gets through.</summary>
public sealed class LedgerBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EnsureBalanced_AnEntryWithoutItsCounterpart_RefusedNamingTheRefidAndAsset()
    {
        var book = new LedgerBook();
        var entries = new List<LedgerEntry>();
        var posting = book.Begin(Now, entries);
        posting.Move(LedgerEntryType.Deposit, (SystemAccounts.External, Wallet.Spot, "ZUSD", -100m), ("desk", Wallet.Spot, "ZUSD", 100m));
        posting.Book("T-ORPHAN", LedgerEntryType.Transfer, "desk", Wallet.Spot, "XXBT", 1m);

        var refused = Should.Throw<InvalidOperationException>(() => LedgerBook.EnsureBalanced(entries));

        refused.Message.ShouldBe("Ledger movement T-ORPHAN does not balance in XXBT (its entries sum to 1); nothing was written.");
    }

    [Fact]
    public void EnsureBalanced_FeeCreditedToTheFeeAccount_BalancesOverAmountLessFee()
    {
        var entries = new List<LedgerEntry>();
        var posting = new LedgerBook().Begin(Now, entries);
        posting.Book("TRADE", LedgerEntryType.Trade, "buyer", Wallet.Spot, "ZUSD", -1000m, fee: 4m);
        posting.Book("TRADE", LedgerEntryType.Trade, "seller", Wallet.Spot, "ZUSD", 1000m, fee: 2.5m);
        posting.Book("TRADE", LedgerEntryType.Trade, SystemAccounts.Fees, Wallet.Spot, "ZUSD", 6.5m);

        LedgerBook.EnsureBalanced(entries);

        posting.Balance("buyer", Wallet.Spot, "ZUSD").ShouldBe(-1004m);
        posting.Balance("seller", Wallet.Spot, "ZUSD").ShouldBe(997.5m);
    }

    [Fact]
    public void Move_LegsThatDoNotBalance_ThrowsAndBooksNothing()
    {
        var entries = new List<LedgerEntry>();
        var posting = new LedgerBook().Begin(Now, entries);

        Should.Throw<InvalidOperationException>(() => posting.Move(LedgerEntryType.Transfer, ("a", Wallet.Spot, "ZUSD", -5m), ("b", Wallet.Spot, "ZUSD", 4m)));

        entries.ShouldBeEmpty();
    }

    [Fact]
    public void Posting_RunningBalancesAndSequences_ContinueFromTheBookAndAreInvisibleUntilApplied()
    {
        var book = new LedgerBook();
        var first = new List<LedgerEntry>();
        book.Begin(Now, first).Move(LedgerEntryType.Deposit, (SystemAccounts.External, Wallet.Spot, "ZUSD", -100m), ("desk", Wallet.Spot, "ZUSD", 100m));
        book.Apply(first);
        var second = new List<LedgerEntry>();
        var posting = book.Begin(Now.AddSeconds(1), second);

        posting.Move(LedgerEntryType.Transfer, ("desk", Wallet.Spot, "ZUSD", -30m), ("desk", Wallet.FuturesFlex, "ZUSD", 30m));
        posting.Move(LedgerEntryType.Transfer, ("desk", Wallet.Spot, "ZUSD", -20m), ("desk", Wallet.FuturesFlex, "ZUSD", 20m));

        second.Select(e => e.Sequence).ShouldBe([3L, 4L, 5L, 6L]);
        second.Select(e => e.Balance).ShouldBe([70m, 30m, 50m, 50m]);
        book.Balance("desk", Wallet.Spot, "ZUSD").ShouldBe(100m);
        book.Apply(second);
        book.Balance("desk", Wallet.Spot, "ZUSD").ShouldBe(50m);
        book.Balances("desk", Wallet.FuturesFlex).ShouldBe(new Dictionary<string, decimal> { ["ZUSD"] = 50m });
        book.LastSequence.ShouldBe(6);
        book.Query("desk", new LedgerQuery(Wallet: Wallet.Spot)).Select(e => e.Balance).ShouldBe([50m, 70m, 100m]);
        book.Unbalanced().ShouldBeEmpty();
    }

    [Fact]
    public void Begin_OnAChangeSetThatAlreadyHasEntries_Refused()
    {
        var book = new LedgerBook();
        var entries = new List<LedgerEntry>();
        book.Begin(Now, entries).Move(LedgerEntryType.Deposit, (SystemAccounts.External, Wallet.Spot, "ZUSD", -1m), ("desk", Wallet.Spot, "ZUSD", 1m));

        Should.Throw<ArgumentException>(() => book.Begin(Now, entries));
    }

    [Fact]
    public void Remove_CompactedEntries_LeavesBalancesAndTheRest()
    {
        var book = new LedgerBook();
        var entries = new List<LedgerEntry>();
        var posting = book.Begin(Now, entries);
        posting.Move(LedgerEntryType.Deposit, (SystemAccounts.External, Wallet.Spot, "ZUSD", -10m), ("desk", Wallet.Spot, "ZUSD", 10m));
        posting.Move(LedgerEntryType.Deposit, (SystemAccounts.External, Wallet.Spot, "ZUSD", -5m), ("desk", Wallet.Spot, "ZUSD", 5m));
        book.Apply(entries);

        book.Remove(new HashSet<long> { 1, 2 });

        book.Count.ShouldBe(2);
        book.Balance("desk", Wallet.Spot, "ZUSD").ShouldBe(15m);
        book.Query("desk", new LedgerQuery()).Single().Sequence.ShouldBe(4);
    }
}
