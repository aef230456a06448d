using System.Collections.Concurrent;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Tests.Storage;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Ledger;

/// <summary>
/// Issue 5's property: random deposits, transfers and withdrawals across a master, its subaccounts and an unrelated
/// master, from concurrent callers, on SQLite: balances never negative, every refid balanced, totals conserved, every
/// acknowledged operation present; then the same after reopening the store.
/// </summary>
public sealed class LedgerPropertyTests
{
    private static readonly string[] Names = ["desk", "mm", "arb", "other"];
    private static readonly Wallet[] Wallets = [Wallet.Spot, Wallet.FuturesFlex];

    private static readonly Gen<Operation> OperationGen =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 1], Gen.Int[0, 1], Gen.OneOfConst("ZUSD", "XXBT", "DOGE"), Gen.Int[-5, 50_000])
            .Select((kind, from, to, fromWallet, toWallet, asset, cents) => new Operation(kind, from, to, fromWallet, toWallet, asset, cents / 100m));

    [Fact]
    public void MoneyMovements_ConcurrentRandomSequencesOnSqlite_InvariantsHoldAndSurviveReopen()
    {
        Gen.Select(OperationGen.Array[1, 60], Gen.Int[1, 4]).Sample((operations, callers) =>
        {
            using var folder = new TempFolder();
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
            var acknowledged = new ConcurrentBag<string>();
            IReadOnlyList<string> before;
            using (var exchange = new SandboxExchange(new SqliteSandboxStore(folder.Path, syncEveryCommit: false), time))
            {
                exchange.CreateAccount("desk", null);
                exchange.CreateAccount("mm", "desk");
                exchange.CreateAccount("arb", "desk");
                exchange.CreateAccount("other", null);
                Parallel.ForEach(
                    Enumerable.Range(0, callers),
                    new ParallelOptions { MaxDegreeOfParallelism = callers },
                    caller =>
                    {
                        for (var i = caller; i < operations.Length; i += callers)
                        {
                            if (Run(exchange, operations[i]) is { } refid)
                            {
                                acknowledged.Add(refid);
                            }
                        }
                    });

                ExchangeState.ShouldHoldInvariants(exchange);
                acknowledged.ShouldAllBe(refid => exchange.Movement(refid).Count == 2);
                before = ExchangeState.Of(exchange);
            }

            using var reopened = new SandboxExchange(new SqliteSandboxStore(folder.Path), time);
            ExchangeState.Of(reopened).ShouldBe(before);
            ExchangeState.ShouldHoldInvariants(reopened);
            acknowledged.ShouldAllBe(refid => reopened.Movement(refid).Count == 2);
        }, iter: 40, threads: 1);
    }

    private static string? Run(SandboxExchange exchange, Operation operation)
    {
        var from = Names[operation.From];
        var wallet = Wallets[operation.FromWallet];
        var result = operation.Kind switch
        {
            0 => exchange.Deposit(from, wallet, operation.Asset, operation.Amount),
            1 => exchange.Withdraw(from, wallet, operation.Asset, operation.Amount),
            _ => exchange.Transfer(from, wallet, Names[operation.To], Wallets[operation.ToWallet], operation.Asset, operation.Amount),
        };
        return result.Success ? result.Value : null;
    }

    private sealed record Operation(int Kind, int From, int To, int FromWallet, int ToWallet, string Asset, decimal Amount);
}
