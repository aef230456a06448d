using Bulkhead.Sandbox.Ledger;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Ledger;

/// <summary>
/// The ledger component under random postings: every change set that <see cref="LedgerBook.EnsureBalanced"/> lets through
/// keeps the sum of all balances zero per asset, every balance equals the fold of its account's entries, sequences
/// rise by one; a change set with one unbalanced movement is refused whole and the book does not move.
/// </summary>
public sealed class LedgerConservationPropertyTests
{
    private static readonly string[] Accounts = [SystemAccounts.External, SystemAccounts.Fees, "desk", "mm", "arb"];
    private static readonly string[] Assets = ["ZUSD", "XXBT", "XETH"];
    private static readonly Wallet[] Wallets = [Wallet.Spot, Wallet.FuturesCash, Wallet.FuturesFlex];

    private static readonly Gen<Leg> LegGen =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[1, 1_000_000], Gen.Int[0, 500], Gen.Bool)
            .Select((from, to, asset, wallet, cents, feeCents, traded) => new Leg(from, to, asset, wallet, cents / 100m, traded ? feeCents / 100m : 0m));

    private static readonly Gen<Posting> PostingGen =
        Gen.Select(LegGen.Array[1, 6], Gen.Int[0, 4], Gen.Int[-300, 300])
            .Select((legs, broken, skew) => new Posting(legs, broken == 0 && skew != 0 ? skew / 100m : 0m));

    [Fact]
    public void RandomPostings_BalancedOnesConserveValue_UnbalancedOnesAreRefusedWhole()
    {
        PostingGen.Array[1, 40].Sample(postings =>
        {
            var book = new LedgerBook();
            var time = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
            foreach (var posting in postings)
            {
                var entries = new List<LedgerEntry>();
                var run = book.Begin(time, entries);
                foreach (var leg in posting.Legs)
                {
                    Book(run, leg);
                }

                if (posting.Skew != 0m)
                {
                    run.Book("BROKEN", LedgerEntryType.Transfer, "desk", Wallet.Spot, "ZUSD", posting.Skew);
                }

                var before = book.LastSequence;
                if (posting.Skew != 0m)
                {
                    Should.Throw<InvalidOperationException>(() => LedgerBook.EnsureBalanced(entries));
                    continue;
                }

                LedgerBook.EnsureBalanced(entries);
                book.Apply(entries);
                entries.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, entries.Count).Select(i => before + i));
            }

            book.SumByAsset(_ => true).Values.ShouldAllBe(sum => sum == 0m);
            book.Unbalanced().ShouldBeEmpty();
            foreach (var account in Accounts)
            {
                foreach (var wallet in Wallets)
                {
                    foreach (var asset in Assets)
                    {
                        var folded = book.Query(account, new LedgerQuery(Wallet: wallet, Assets: [asset], Limit: 1000)).Sum(LedgerBook.Change);
                        book.Balance(account, wallet, asset).ShouldBe(folded);
                    }
                }
            }
        }, iter: 200);
    }

    // One movement per leg: a transfer (fee-less) or a trade-like pair whose fee goes to @fees; both balance.
    private static void Book(LedgerPosting run, Leg leg)
    {
        var (from, to, asset, wallet) = (Accounts[leg.From], Accounts[leg.To], Assets[leg.Asset], Wallets[leg.Wallet]);
        if (leg.Fee == 0m)
        {
            run.Move(LedgerEntryType.Transfer, (from, wallet, asset, -leg.Amount), (to, wallet, asset, leg.Amount));
            return;
        }

        var refId = "TRADE-" + Guid.NewGuid().ToString("N");
        run.Book(refId, LedgerEntryType.Trade, from, wallet, asset, -leg.Amount, leg.Fee);
        run.Book(refId, LedgerEntryType.Trade, to, wallet, asset, leg.Amount);
        run.Book(refId, LedgerEntryType.Trade, SystemAccounts.Fees, wallet, asset, leg.Fee);
    }

    private sealed record Leg(int From, int To, int Asset, int Wallet, decimal Amount, decimal Fee);

    private sealed record Posting(Leg[] Legs, decimal Skew);
}
