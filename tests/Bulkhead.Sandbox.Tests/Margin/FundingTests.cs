using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Margin;

/// <summary>
/// Hourly funding of the perpetuals: the rate is the hour's average premium (mark − index) / index over 8, the payment
/// size × mark × rate at the boundary (a long pays when positive), booked once per instrument and hour.
/// </summary>
public sealed class FundingTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(100_100, 100_000, -6.2563)]    // premium +0.1 % (averaged with the 0 at noon: 0.05 %), /8 → 0.00625 %: the long pays
    [InlineData(99_900, 100_000, 6.2438)]      // premium −0.1 %: the long receives 99,900 × 0.0000625
    public void HourBoundary_PositionsOpen_LongAndShortPayOrReceiveSizeTimesMarkTimesRate(int mark, int index, double longAmount)
    {
        using var w = Opened();
        w.Exchange.UpdateMarkPrice(FuturesWorld.Xbt, mark, index);
        var longBefore = w.Usd("long");
        var shortBefore = w.Usd("short");

        w.Time.Advance(TimeSpan.FromHours(1));

        var expected = (decimal)longAmount;
        var movement = w.Exchange.Movement("FUND-PF_XBTUSD-2026-11-26T13");
        movement.Select(e => (e.Account, e.Wallet, e.Asset, e.Amount, e.Type)).ShouldBe(
        [
            ("long", Wallet.FuturesFlex, "ZUSD", expected, LedgerEntryType.Funding),
            ("short", Wallet.FuturesFlex, "ZUSD", -expected, LedgerEntryType.Funding),
        ]);
        (w.Usd("long") - longBefore).ShouldBe(expected);
        (w.Usd("short") - shortBefore).ShouldBe(-expected);
        var rate = w.Exchange.FundingHistory(FuturesWorld.Xbt)[^1];
        rate.Time.ShouldBe(Noon.AddHours(1));
        rate.Relative.ShouldBe(Math.Sign(mark - index) * 0.0000625m);
        rate.Absolute.ShouldBe(decimal.Round(rate.Relative * mark, 8));
        w.ShouldConserve();
    }

    [Fact]
    public void HourBoundary_UnevenPositions_CounterpartyTakesTheNetAndTotalsEqualExternalFlows()
    {
        using var w = new FuturesWorld().Account("short", usd: 100_000m).Account("a", usd: 10_000m).Account("b", usd: 10_000m);
        w.Limit("short", Side.Sell, 3m, 100_000m);
        w.Limit("a", Side.Buy, 1m, 100_000m).Verdict.ShouldBe(FuturesOrderVerdict.Filled);
        w.Limit("b", Side.Buy, 1.0001m, 100_000m).Verdict.ShouldBe(FuturesOrderVerdict.Filled);
        w.Exchange.UpdateMarkPrice(FuturesWorld.Xbt, 100_100m, 100_000m);

        w.Time.Advance(TimeSpan.FromHours(1));

        var movement = w.Exchange.Movement("FUND-PF_XBTUSD-2026-11-26T13");
        movement.Select(e => e.Account).ShouldBe(["a", "b", "short", SystemAccounts.Funding]);
        movement.Sum(e => e.Amount).ShouldBe(0m);
        w.ShouldConserve();
        var totals = w.Exchange.TotalsByAsset();
        foreach (var (asset, flow) in w.Exchange.NetExternalFlows())
        {
            totals.GetValueOrDefault(asset).ShouldBe(flow, asset);
        }
    }

    [Fact]
    public void HourBoundary_NoPremium_NothingBookedButRatePublished()
    {
        using var w = Opened();

        w.Time.Advance(TimeSpan.FromHours(1));

        w.Exchange.AllEntries().ShouldNotContain(e => e.Type == LedgerEntryType.Funding);
        w.Exchange.FundingHistory(FuturesWorld.Xbt)[^1].ShouldBe(new FundingRate(FuturesWorld.Xbt, Noon.AddHours(1), 0m, 0m));
    }

    [Fact]
    public void Restart_OnSqliteAfterSettlement_SameHourNotChargedTwiceNextHourCharged()
    {
        using var folder = new TempFolder();
        using (var w = Opened(new SqliteSandboxStore(folder.Path, syncEveryCommit: false)))
        {
            w.Exchange.UpdateMarkPrice(FuturesWorld.Xbt, 100_100m, 100_000m);
            w.Time.Advance(TimeSpan.FromHours(1));
            Funding(w.Exchange).Count.ShouldBe(2);
        }

        var time = new FakeTimeProvider(Noon.AddHours(1).AddSeconds(30));
        using var reopened = new SandboxExchange(new SqliteSandboxStore(folder.Path), time);
        reopened.UpdateMarkPrice(FuturesWorld.Xbt, 100_100m, 100_000m);     // settles 13:00 again: a non-zero rate, already booked
        reopened.SettleFunding();
        time.Advance(TimeSpan.FromSeconds(5));

        Funding(reopened).Count.ShouldBe(2);
        reopened.FundingHistory(FuturesWorld.Xbt)[^1].Relative.ShouldBe(0.000125m);

        time.Advance(TimeSpan.FromHours(1));                                // 14:00: the hour's only sample, 0.1 %, /8

        Funding(reopened).Where(e => e.RefId == "FUND-PF_XBTUSD-2026-11-26T14").Select(e => (e.Account, e.Amount)).ShouldBe([("long", -12.5125m), ("short", 12.5125m)]);
        reopened.UnbalancedMovements().ShouldBeEmpty();
    }

    [Fact]
    public void UnrealisedFunding_HalfAnHourIn_HalfOfThePredictedPayment()
    {
        using var w = Opened();
        w.Exchange.UpdateMarkPrice(FuturesWorld.Xbt, 100_100m, 100_000m);
        w.Time.Advance(TimeSpan.FromMinutes(30));

        var position = w.Exchange.Positions("long").Single();

        w.Exchange.UnrealisedFunding(position).ShouldBe(-1m * 100_100m * 0.0000625m / 2m);
        w.Exchange.UnrealisedFunding(w.Exchange.Positions("short").Single()).ShouldBe(1m * 100_100m * 0.0000625m / 2m);
        w.Exchange.FundingRates(FuturesWorld.Xbt).ShouldBe((0m, decimal.Round(100_100m * 0.0000625m, 8)));
    }

    /// <summary>A long and a short of 1 XBT at 100,000, at noon.</summary>
    private static FuturesWorld Opened(ISandboxStore? store = null)
    {
        var w = new FuturesWorld(store).Account("long", usd: 10_000m).Account("short", usd: 10_000m);
        w.Limit("short", Side.Sell, 1m, 100_000m).Verdict.ShouldBe(FuturesOrderVerdict.Placed);
        w.Limit("long", Side.Buy, 1m, 100_000m).Verdict.ShouldBe(FuturesOrderVerdict.Filled);
        return w;
    }

    private static List<LedgerEntry> Funding(SandboxExchange exchange) => [.. exchange.AllEntries().Where(e => e.Type == LedgerEntryType.Funding)];
}
