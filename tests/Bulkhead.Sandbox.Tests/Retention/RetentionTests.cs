using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Retention;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Retention;

/// <summary>Retention on a real SQLite file: what is removed, what stays, and that a reopened exchange agrees.</summary>
public sealed class RetentionTests
{
    private static readonly RetentionOptions OneHour = new() { SystemHistory = TimeSpan.FromHours(1) };

    [Fact]
    public void Compact_SystemHistoryPastWindow_RemovedWhileBalancesPositionsAndUserHistoryStay()
    {
        using var rig = RetentionRig.Start();
        rig.CreateUser("alice", 50_000m);
        rig.Run(TimeSpan.FromMinutes(5));
        rig.UserBuys("alice", 0.01m);
        rig.Run(TimeSpan.FromMinutes(90));
        var before = Observe(rig.Exchange);

        var removed = rig.Exchange.Compact(OneHour);

        removed.Trades.Count.ShouldBeGreaterThan(100);
        removed.Orders.Count.ShouldBeGreaterThan(100);
        removed.Entries.Count.ShouldBeGreaterThan(100);
        removed.Carries.ShouldNotBeEmpty();
        rig.Exchange.HistorySize().Trades.ShouldBe(before.History.Trades - removed.Trades.Count);
        var after = Observe(rig.Exchange);
        after.State.ShouldBe(before.State);
        rig.Exchange.UnbalancedMovements().ShouldBeEmpty();
        Conserved(rig.Exchange);

        rig.Reopen();

        var reopened = Observe(rig.Exchange);
        reopened.State.ShouldBe(before.State);
        reopened.History.ShouldBe(after.History);
        rig.Exchange.UnbalancedMovements().ShouldBeEmpty();
        Conserved(rig.Exchange);
    }

    [Fact]
    public void Compact_Twice_SecondPassRemovesOnlyWhatAgedSince()
    {
        using var rig = RetentionRig.Start();
        rig.Run(TimeSpan.FromMinutes(80));
        rig.Exchange.Compact(OneHour).IsEmpty.ShouldBeFalse();

        rig.Exchange.Compact(OneHour).IsEmpty.ShouldBeTrue();
        rig.Run(TimeSpan.FromMinutes(10));
        var before = Observe(rig.Exchange);
        rig.Exchange.Compact(OneHour).IsEmpty.ShouldBeFalse();
        Observe(rig.Exchange).State.ShouldBe(before.State);
    }

    /// <summary>
    /// The soak: five hours of market at 5 s a step (a day of activity is 17,280 steps; this is 3,600), compacted every
    /// 10 simulated minutes as the service would. Once the one-hour window is full, what is kept stops growing — on disk
    /// and in memory — while the market keeps trading; every trade of the last hour still answers.
    /// </summary>
    [Fact]
    public void Soak_FiveHoursOfMarket_HistoryAndFileLevelOffOnceTheWindowIsFull()
    {
        using var rig = RetentionRig.Start();
        var hourly = new List<(int Trades, int Entries, int Orders, long Bytes)>();
        var steps = 0;
        for (var hour = 1; hour <= 5; hour++)
        {
            rig.Run(TimeSpan.FromHours(1), () =>
            {
                if (++steps % 120 == 0)
                {
                    rig.Exchange.Compact(OneHour);
                }
            });
            var (trades, entries, orders) = rig.Exchange.HistorySize();
            hourly.Add((trades, entries, orders, rig.DatabaseBytes));
        }

        var published = new MarketData(rig.Exchange, rig.Time).Tape.Since("XXBTZUSD", null, 1_000_000).Count;
        var report = "retention soak, 5 h of market at 5 s a step, system history 1 h, compacted every 10 min; kept at the end of each hour "
            + "(trades, ledger entries, orders, database bytes): " + string.Join("; ", hourly) + $"; BTC/USD public trades still on the tape after a reopen: {published}";
        TestContext.Current.SendDiagnosticMessage(report);
        Directory.CreateDirectory("TestResults");
        File.WriteAllText(Path.Combine("TestResults", "retention-soak.txt"), report + Environment.NewLine);
        var full = hourly[1];
        foreach (var later in hourly.Skip(2))
        {
            later.Trades.ShouldBeLessThan((int)(full.Trades * 1.3));
            later.Entries.ShouldBeLessThan((int)(full.Entries * 1.3));
            later.Orders.ShouldBeLessThan((int)(full.Orders * 1.3));
            later.Bytes.ShouldBeLessThan((long)(full.Bytes * 1.3));
        }

        // The market did keep trading: the public tape holds all five hours.
        var tape = new MarketData(rig.Exchange, rig.Time).Tape.Since("XXBTZUSD", rig.Time.GetUtcNow() - TimeSpan.FromMinutes(50), 100_000);
        tape.ShouldNotBeEmpty();
        rig.Exchange.UnbalancedMovements().ShouldBeEmpty();
        Conserved(rig.Exchange);
    }

    // Every balance, system accounts included, sums to zero per asset: users hold what came in from outside.
    private static void Conserved(SandboxExchange exchange)
    {
        var users = exchange.TotalsByAsset();
        foreach (var (asset, external) in exchange.NetExternalFlows())
        {
            users.GetValueOrDefault(asset).ShouldBe(external, asset);
        }
    }

    private static (string State, (int Trades, int Entries, int Orders) History) Observe(SandboxExchange exchange)
    {
        var accounts = new[] { "alice", SandboxMarket.MakerAccount, SandboxMarket.NoiseAccount };
        var balances = accounts.SelectMany(a => new[] { Wallet.Spot, Wallet.FuturesFlex }.SelectMany(w =>
            exchange.Balances(a, w).OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{a}/{w}/{b.Key}={b.Value}")));
        var positions = accounts.SelectMany(a => exchange.Positions(a).Select(p => $"{a}/{p.Symbol}={p.Size}@{p.Cost}"));
        var open = accounts.SelectMany(a => exchange.OpenOrders(a).Select(o => o.Id + ":" + o.Remaining));
        var alice = exchange.Trades("alice").Select(t => t.Id + ":" + t.Volume);
        var aliceLedger = exchange.Ledger("alice", new LedgerQuery(Limit: 10_000)).Select(e => e.Id);
        return (string.Join("\n", balances.Concat(positions).Concat(open).Concat(alice).Concat(aliceLedger)), exchange.HistorySize());
    }
}
