using Bulkhead.Fleet.Reporting;
using Bulkhead.Kraken.Venues;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Reporting;

/// <summary>The statement progress store's contract, run on a real SQLite file and a real PostgreSQL server.</summary>
public abstract class StatementProgressStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);

    /// <summary>The coordination store specification the progress lives in.</summary>
    protected abstract string Specification { get; }

    [Fact]
    public void Load_NeverSaved_IsTheStart()
    {
        using var store = Open();

        store.Load("sandbox", "hedge").ShouldBe(StatementProgress.Start);
    }

    [Fact]
    public void Save_ThenLoadAfterReopening_RoundTripsCursorSumsAndFillsExactly()
    {
        var progress = Progress("futures-log:7", [Fill("f-1", 0, 0.0625m), Fill("f-2", 1, null)]);
        using (var store = Open())
        {
            store.Save("sandbox", "hedge", Read(progress, progress.Fills));
        }

        using var reopened = Open();
        var loaded = reopened.Load("sandbox", "hedge");

        loaded.LedgerCursor.ShouldBe(new VenueLedgerCursor("futures-log:7"));
        loaded.NetFlows.ShouldBe(progress.NetFlows);
        loaded.Funding.ShouldBe(progress.Funding);
        loaded.OtherBookings.ShouldBe(progress.OtherBookings);
        loaded.LastBalances.ShouldBe(progress.LastBalances);
        loaded.Fills.ShouldBe(progress.Fills);
        reopened.Load("production", "hedge").ShouldBe(StatementProgress.Start, "progress is kept per environment");
    }

    [Fact]
    public void Save_AgainWithNewFills_AddsEachFillOnce()
    {
        using var store = Open();
        var first = Progress("futures-log:7", [Fill("f-1", 0, 0.5m)]);
        store.Save("sandbox", "hedge", Read(first, first.Fills));

        var second = Progress("futures-log:9", [Fill("f-1", 0, 0.5m), Fill("f-2", 1, 0.25m)]);
        store.Save("sandbox", "hedge", Read(second, second.Fills));

        var loaded = store.Load("sandbox", "hedge");
        loaded.LedgerCursor.ShouldBe(new VenueLedgerCursor("futures-log:9"));
        loaded.Fills.Select(f => f.FillId).ShouldBe(["f-1", "f-2"]);
    }

    [Fact]
    public void Save_ARestartedRead_ReplacesTheFillsKeptBefore()
    {
        using var store = Open();
        var old = Progress("futures-log:50", [Fill("old", 0, 1m)]);
        store.Save("sandbox", "hedge", Read(old, old.Fills));

        var fresh = Progress("futures-log:2", [Fill("new", 5, 1m)]);
        store.Save("sandbox", "hedge", Read(fresh, fresh.Fills) with { Restarted = true });

        store.Load("sandbox", "hedge").Fills.Select(f => f.FillId).ShouldBe(["new"]);
        store.Forget("sandbox", "hedge");
        store.Load("sandbox", "hedge").ShouldBe(StatementProgress.Start);
    }

    private StatementProgressStore Open() => StatementProgressStore.Open(Specification, _time);

    private static StatementProgress Progress(string cursor, IReadOnlyList<VenueFill> fills) => new(
        new VenueLedgerCursor(cursor),
        new Dictionary<string, decimal> { ["USD"] = 10_000m, ["XBT"] = -0.000000015m },
        new Dictionary<string, decimal> { ["USD"] = -1.2345m },
        new Dictionary<string, decimal>(),
        new Dictionary<string, decimal> { ["flex/USD"] = 9_998.7655m },
        fills);

    private static AccountStatementRead Read(StatementProgress progress, IReadOnlyList<VenueFill> newFills) =>
        new(new AccountStatement("hedge", Bulkhead.Fleet.Manifest.Venue.Futures, false, "hedge-reconciler", new Dictionary<string, decimal>(), progress.NetFlows, progress.Fills, [], null), progress, newFills, false);

    private static VenueFill Fill(string id, int second, decimal? fee) =>
        new(id, "o-" + id, second == 0 ? "cli-" + id : null, "PF_XBTUSD", second % 2 == 0 ? OrderSide.Buy : OrderSide.Sell, 0.0025m, 50_010.5m, T0.AddSeconds(second).AddTicks(3), second == 0 ? true : null, fee is { } f ? new VenueFee(f, "USD") : null);
}
