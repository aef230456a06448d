using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Margin;

/// <summary>
/// Random Futures sequences (orders of every kind, edits, cancels, mark moves) by a liquidity provider and two
/// leveraged subaccounts: after every step every asset is conserved over all accounts (system ones included), open
/// interest nets to zero, no user account is left below maintenance (liquidation ran), and a sibling that does nothing
/// keeps exactly its balances, positions, orders and margin.
/// </summary>
public sealed class FuturesPropertyTests
{
    private static readonly string[] Traders = ["lp", "a", "b"];

    private static readonly Gen<Step> StepGen = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[1, 60], Gen.Int[-40, 40], Gen.Bool)
        .Select((what, who, kind, size, offset, buy) => new Step(what, who, kind, size / 100m, offset, buy));

    [Fact]
    public void RandomSequences_ConservedAfterEveryStep_AndTheQuietSiblingUntouched()
    {
        StepGen.Array[1, 40].Sample(steps =>
        {
            using var w = new FuturesWorld()
                .Account("lp", usd: 5_000_000m)
                .Account("desk", usd: 10_000m)
                .Account("a", "desk", usd: 3_000m)
                .Account("b", "desk", usd: 2_000m)
                .Account("quiet", "desk", usd: 5_000m);
            w.Limit("lp", Side.Sell, 1m, 3_000m, FuturesWorld.Eth);
            w.Limit("quiet", Side.Buy, 1m, 3_000m, FuturesWorld.Eth).Verdict.ShouldBe(FuturesOrderVerdict.Filled);
            w.Limit("quiet", Side.Buy, 0.5m, 2_500m, FuturesWorld.Eth).Verdict.ShouldBe(FuturesOrderVerdict.Placed);
            var quiet = Quiet(w);
            var mark = 100_000m;
            foreach (var step in steps)
            {
                mark = Run(w, step, mark);
                w.ShouldConserve();
                foreach (var user in new[] { "a", "b", "lp" })
                {
                    w.Exchange.Margin(user).BelowMaintenance.ShouldBeFalse(user);
                }

                Quiet(w).ShouldBe(quiet);
            }
        });
    }

    [Fact]
    public void RandomSequencesOnSqlite_Reopened_SamePositionsOrdersAndBalances()
    {
        StepGen.Array[1, 30].Sample(
            steps =>
            {
                using var folder = new Storage.TempFolder();
                IReadOnlyList<string> before;
                var marks = new Dictionary<string, decimal>();
                using (var w = new FuturesWorld(new Bulkhead.Sandbox.Storage.SqliteSandboxStore(folder.Path, syncEveryCommit: false)))
                {
                    w.Account("lp", usd: 5_000_000m).Account("desk", usd: 10_000m).Account("a", "desk", usd: 3_000m).Account("b", "desk", usd: 2_000m);
                    var mark = 100_000m;
                    foreach (var step in steps)
                    {
                        mark = Run(w, step, mark);
                    }

                    marks[FuturesWorld.Xbt] = mark;
                    before = State(w.Exchange);
                }

                using var reopened = new SandboxExchange(new Bulkhead.Sandbox.Storage.SqliteSandboxStore(folder.Path), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));
                reopened.UpdateMarkPrice(FuturesWorld.Xbt, marks[FuturesWorld.Xbt]);
                reopened.UpdateMarkPrice(FuturesWorld.Eth, 3_000m);
                State(reopened).ShouldBe(before);
            },
            iter: 20);

        static IReadOnlyList<string> State(SandboxExchange e) =>
        [
            .. new[] { "lp", "desk", "a", "b", SystemAccounts.Insurance, SystemAccounts.Clearing, SystemAccounts.Fees }.SelectMany(a => new[]
            {
                $"{a} {string.Join(',', e.Balances(a, Wallet.FuturesFlex).OrderBy(b => b.Key).Select(b => $"{b.Key}={b.Value}"))}",
                $"{a} {string.Join(',', e.Positions(a))}",
                $"{a} {string.Join(',', e.OpenOrders(a).Select(o => $"{o.Id} {o.Remaining} {o.Price}"))}",
                $"{a} {e.Margin(a)}",
            }),
        ];
    }

    /// <summary>Runs one step; returns the XBT mark after it.</summary>
    private static decimal Run(FuturesWorld w, Step step, decimal mark)
    {
        var account = Traders[step.Who];
        var side = step.Buy ? Side.Buy : Side.Sell;
        var price = mark + (step.Offset * 100m);
        switch (step.What)
        {
            case <= 5:
                var kind = (FuturesOrderKind)step.Kind;
                w.Send(account, kind, side, step.Size, kind == FuturesOrderKind.Market ? null : price, reduceOnly: step.What == 5);
                break;
            case 6:
                if (w.Exchange.OpenOrders(account, TradingVenue.Futures).FirstOrDefault(o => o.Symbol == FuturesWorld.Xbt) is { } open)
                {
                    w.Exchange.EditFuturesOrder(account, open.Id, step.Size, price);
                }

                break;
            case 7:
                w.Exchange.CancelAllFuturesOrders(account, FuturesWorld.Xbt);
                break;
            default:
                mark = Math.Max(50_000m, mark + (step.Offset * 250m));
                w.Exchange.UpdateMarkPrice(FuturesWorld.Xbt, mark);
                break;
        }

        return mark;
    }

    private static string Quiet(FuturesWorld w)
    {
        var e = w.Exchange;
        return string.Join('\n', [
            .. e.Balances("quiet", Wallet.FuturesFlex).Select(b => $"{b.Key} {b.Value}"),
            .. e.Positions("quiet").Select(p => p.ToString()),
            .. e.OpenOrders("quiet").Select(o => o.ToString()),
            e.Margin("quiet").ToString(),
        ]);
    }

    private sealed record Step(int What, int Who, int Kind, decimal Size, int Offset, bool Buy);
}
