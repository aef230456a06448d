using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Fills;

/// <summary>
/// The fill journal contract, run against every backend on a real database. Each opened instance stands for one process;
/// two instances on the same database are two processes writing at once.
/// </summary>
public abstract class FillJournalContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The <c>FillJournal.Open</c> specification of the database under test.</summary>
    protected abstract string Specification { get; }

    /// <summary>The folder a relative specification resolves against.</summary>
    protected virtual string BaseDirectory => Path.GetTempPath();

    /// <summary>Opens another instance (a new "process") on the same database.</summary>
    protected IFillJournal Open() => FillJournal.Open(Specification, BaseDirectory, TimeProvider.System);

    internal static JournalFill Fill(string id, string account = "mm", OrderSide side = OrderSide.Buy, decimal quantity = 0.5m, decimal price = 50_000m, decimal fee = 6.5m, int second = 0) =>
        new(account, account + "-strategy", account + "-trader", Venue.Spot, "XBTUSD", id, "O-" + id, side, quantity, price, fee, "ZUSD", T0.AddSeconds(second));

    [Fact]
    public void RecordFill_SameIdTwice_StoresItOnce()
    {
        using var journal = Open();

        journal.RecordFill(Fill("T1")).ShouldBeTrue();
        journal.RecordFill(Fill("T1") with { Fee = 99m }).ShouldBeFalse();

        journal.Fills().ShouldBe([Fill("T1")]);
    }

    [Fact]
    public void RecordFill_SameIdOnTwoAccounts_StoresBoth()
    {
        using var journal = Open();

        journal.RecordFill(Fill("T1", account: "mm")).ShouldBeTrue();
        journal.RecordFill(Fill("T1", account: "momo")).ShouldBeTrue();

        journal.Fills().Count.ShouldBe(2);
        journal.Fills("momo").ShouldBe([Fill("T1", account: "momo")]);
    }

    [Fact]
    public async Task RecordFill_TwoProcessesRaceOnTheSameFills_EachIsInsertedExactlyOnce()
    {
        using var first = Open();
        using var second = Open();
        var fills = Enumerable.Range(0, 150).Select(i => Fill($"T{i:D4}", second: i)).ToList();
        var start = new TaskCompletionSource();

        async Task<int> Write(IFillJournal journal)
        {
            await start.Task;
            return fills.Count(journal.RecordFill);
        }

        var a = Task.Run(() => Write(first), TestContext.Current.CancellationToken);
        var b = Task.Run(() => Write(second), TestContext.Current.CancellationToken);
        start.SetResult();
        var inserted = await Task.WhenAll(a, b);

        (inserted[0] + inserted[1]).ShouldBe(fills.Count);
        first.Fills().ShouldBe(fills);
    }

    [Fact]
    public void Fills_AreInExecutionTimeOrderThenFillId()
    {
        using var journal = Open();
        journal.RecordFill(Fill("B", second: 5));
        journal.RecordFill(Fill("C", second: 1));
        journal.RecordFill(Fill("A", second: 5));

        journal.Fills().Select(f => f.FillId).ShouldBe(["C", "A", "B"]);
    }

    [Fact]
    public void RecordOrder_UpsertsByAccountAndClientOrderId_KeepingTheKnownOrderId()
    {
        using var journal = Open();
        var sent = new JournalOrder("mm", "mm-strategy", "mm-trader", Venue.Spot, "XBTUSD", "c-1", null, OrderSide.Sell, 0.1m, 50_100m, "limit", JournalOrderState.Sent, T0);
        journal.RecordOrder(sent);
        journal.RecordOrder(sent with { ClientOrderId = "c-2", Time = T0.AddSeconds(1) });
        journal.RecordOrder(sent with { OrderId = "OABC", State = JournalOrderState.Open, Time = T0.AddSeconds(2) });
        journal.RecordOrder(sent with { State = JournalOrderState.Filled, Time = T0.AddSeconds(3) });

        var orders = journal.Orders("mm");

        orders.Select(o => o.ClientOrderId).ShouldBe(["c-1", "c-2"]);
        orders[0].ShouldBe(sent with { OrderId = "OABC", State = JournalOrderState.Filled, Time = T0.AddSeconds(3) });
        journal.Orders("momo").ShouldBeEmpty();
    }

    [Fact]
    public void RecordOrder_MarketOrder_KeepsANullLimit()
    {
        using var journal = Open();
        var order = new JournalOrder("hedge", "hedge-strategy", "hedge-trader", Venue.Futures, "PF_XBTUSD", "c-9", "f-1", OrderSide.Buy, 2m, null, "market", JournalOrderState.Filled, T0);

        journal.RecordOrder(order);

        journal.Orders().ShouldBe([order]);
    }

    [Fact]
    public void RecordEquity_AppendsInTimeOrder_FilteredByStrategy()
    {
        using var journal = Open();
        var late = new EquityPoint("mm", "mm-strategy", T0.AddSeconds(10), 10_000.5m, 1.25m, -0.5m, 0.01m);
        var early = late with { Time = T0, EquityUsd = 10_000m };
        var other = late with { Account = "momo", Strategy = "momo-strategy" };
        journal.RecordEquity(late);
        journal.RecordEquity(early);
        journal.RecordEquity(other);

        journal.Equity("mm-strategy").ShouldBe([early, late]);
        journal.Equity().Count.ShouldBe(3);
    }

    [Fact]
    public void Equity_Latest_KeepsEachStrategysNewestPointsInTimeOrder()
    {
        using var journal = Open();
        var mm = Enumerable.Range(0, 5).Select(i => new EquityPoint("mm", "mm-strategy", T0.AddSeconds(i), 10_000m + i, 0m, 0m, 0m)).ToList();
        var momo = Enumerable.Range(0, 2).Select(i => new EquityPoint("momo", "momo-strategy", T0.AddSeconds(i).AddMilliseconds(500), 5_000m + i, 0m, 0m, 0m)).ToList();
        foreach (var point in mm.Concat(momo).Reverse())
        {
            journal.RecordEquity(point);
        }

        journal.Equity(latest: 3).ShouldBe([momo[0], momo[1], mm[2], mm[3], mm[4]]);
        journal.Equity("mm-strategy", latest: 2).ShouldBe([mm[3], mm[4]]);
        journal.Equity(latest: 10).ShouldBe(journal.Equity());
        Should.Throw<ArgumentOutOfRangeException>(() => journal.Equity(latest: 0));
    }

    [Fact]
    public void RecordSnapshot_ReplacesPerAccountAndKind()
    {
        using var journal = Open();
        journal.RecordSnapshot(new JournalSnapshot("desk", "balances", "dashboard", T0, """{"ZUSD":"1"}"""));
        journal.RecordSnapshot(new JournalSnapshot("desk", "volume", "dashboard", T0, """{"volume":"0"}"""));
        var newer = new JournalSnapshot("desk", "balances", "dashboard-2", T0.AddSeconds(5), """{"ZUSD":"2"}""");

        journal.RecordSnapshot(newer);

        journal.Snapshots().ShouldBe([newer, new JournalSnapshot("desk", "volume", "dashboard", T0, """{"volume":"0"}""")]);
    }

    [Fact]
    public void Reopen_KeepsEverythingAndRecreatesNothing()
    {
        using (var journal = Open())
        {
            journal.RecordFill(Fill("T1"));
        }

        using var again = Open();
        again.RecordFill(Fill("T1")).ShouldBeFalse();
        again.Fills().ShouldBe([Fill("T1")]);
    }

    [Fact]
    public void Property_FillsRoundTripExactly_AndFoldLikeTheDeduplicatedInput()
    {
        using var journal = Open();
        var run = 0;
        var genFill =
            from id in Gen.Int[0, 40]
            from account in Gen.OneOfConst("mm", "momo")
            from side in Gen.Enum<OrderSide>()
            from quantity in Gen.Long[1, 1_000_000_000]
            from price in Gen.Long[10, 1_000_000]
            from fee in Gen.Long[0, 500_000]
            from ticks in Gen.Long[0, TimeSpan.TicksPerDay]
            select new JournalFill(account, account + "-s", account + "-p", Venue.Spot, "XBTUSD", $"T{id}", null, side,
                quantity / 100_000_000m, price / 10m, fee / 10_000m, "ZUSD", T0.AddTicks(ticks));

        genFill.List[0, 30].Sample(fills =>
        {
            var prefix = $"r{run++}-";
            var tagged = fills.Select(f => f with { Account = prefix + f.Account }).ToList();
            var firsts = tagged.DistinctBy(f => (f.Account, f.FillId)).ToList();
            var inserted = tagged.Count(journal.RecordFill);

            var stored = journal.Fills().Where(f => f.Account.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            return inserted == firsts.Count
                && stored.ToHashSet().SetEquals(firsts)
                && FillPnl.Fold(stored).SequenceEqual(FillPnl.Fold(firsts));
        }, iter: 60);
    }
}
