using Bulkhead.Kraken.Limits;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Limits;

/// <summary>The Spot limits against the numbers in shared/kraken/spot.md §3, tier by tier.</summary>
public sealed class SpotLimitsDocumentedNumbersTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRateLimitStateStore _store = new();

    [Theory]
    [InlineData(SpotTier.Starter, 15, "0.33")]
    [InlineData(SpotTier.Intermediate, 20, "0.5")]
    [InlineData(SpotTier.Pro, 20, "1")]
    public void SpotRest_Tier_AllowsMaximumThenRefusesUntilOneCallDecays(SpotTier tier, int maximum, string decay)
    {
        var decayPerSecond = decimal.Parse(decay, System.Globalization.CultureInfo.InvariantCulture);
        var limiter = new SpotRestLimiter("acct", "key", SpotRestLimits.For(tier), _store, _time);

        for (var i = 0; i < maximum; i++)
        {
            limiter.TryAcquire("Balance").Granted.ShouldBeTrue($"call #{i + 1}");
        }

        var refused = limiter.TryAcquire("Balance");
        refused.Granted.ShouldBeFalse();
        var oneCall = TimeSpan.FromTicks((long)decimal.Ceiling(TimeSpan.TicksPerSecond / decayPerSecond));
        refused.RetryAfter.ShouldBe(oneCall);

        _time.Advance(oneCall);
        limiter.TryAcquire("Balance").Granted.ShouldBeTrue();
        limiter.TryAcquire("Balance").Granted.ShouldBeFalse();
    }

    [Fact]
    public void SpotRest_Starter_SixteenthCallWaitsOneOverPointThirtyThreeSeconds()
    {
        var limiter = new SpotRestLimiter("acct", "key", SpotRestLimits.Starter, _store, _time);
        for (var i = 0; i < 15; i++)
        {
            limiter.TryAcquire(1m).Granted.ShouldBeTrue();
        }

        limiter.TryAcquire(1m).RetryAfter.TotalSeconds.ShouldBe(1 / 0.33, 1e-6);
    }

    [Theory]
    [InlineData(SpotTier.Starter, 15, "0.33")]
    [InlineData(SpotTier.Intermediate, 20, "0.5")]
    [InlineData(SpotTier.Pro, 20, "1")]
    public void SpotRestLimits_For_MatchesDocumentedTable(SpotTier tier, int maximum, string decay)
    {
        var limits = SpotRestLimits.For(tier);
        limits.Maximum.ShouldBe(maximum);
        limits.DecayPerSecond.ShouldBe(decimal.Parse(decay, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(SpotTier.Starter, 60, "1", 60)]
    [InlineData(SpotTier.Intermediate, 125, "2.34", 80)]
    [InlineData(SpotTier.Pro, 180, "3.75", 225)]
    public void SpotTradingLimits_For_MatchesDocumentedTable(SpotTier tier, int threshold, string decay, int openOrders)
    {
        var limits = SpotTradingLimits.For(tier);
        limits.Threshold.ShouldBe(threshold);
        limits.DecayPerSecond.ShouldBe(decimal.Parse(decay, System.Globalization.CultureInfo.InvariantCulture));
        limits.MaxOpenOrdersPerPair.ShouldBe(openOrders);
    }

    [Fact]
    public void SpotRest_Ledgers_CostsTwo()
    {
        var limiter = new SpotRestLimiter("acct", "key", SpotRestLimits.Starter, _store, _time);

        limiter.TryAcquire("Ledgers").Granted.ShouldBeTrue();

        limiter.GetHeadroom().Used.ShouldBe(2m);
    }

    [Theory]
    [InlineData("Balance", 1)]
    [InlineData("OpenOrders", 1)]
    [InlineData("/0/private/Balance", 1)]
    [InlineData("Ledgers", 2)]
    [InlineData("QueryLedgers", 2)]
    [InlineData("TradesHistory", 2)]
    [InlineData("QueryTrades", 2)]
    [InlineData("AddOrder", 0)]
    [InlineData("AddOrderBatch", 0)]
    [InlineData("CancelOrder", 0)]
    [InlineData("CancelOrderBatch", 0)]
    [InlineData("EditOrder", 0)]
    [InlineData("AmendOrder", 0)]
    [InlineData("Ticker", 0)]
    [InlineData("/0/public/Anything", 0)]
    public void SpotCallCosts_For_MatchesDocumentedTable(string method, int cost)
    {
        SpotCallCosts.For(method).ShouldBe(cost);
    }

    [Fact]
    public void SpotTrading_Starter_SixtyAddsPass_SixtyFirstRefused()
    {
        var limiter = new SpotTradingLimiter("acct", "XBTUSD", SpotTradingLimits.Starter, _store, _time);
        for (var i = 0; i < 60; i++)
        {
            limiter.TryAcquire(SpotTradingCosts.AddOrder).Granted.ShouldBeTrue($"add #{i + 1}");
        }

        var refused = limiter.TryAcquire(SpotTradingCosts.AddOrder);

        refused.Granted.ShouldBeFalse();
        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void SpotTrading_Pairs_AreCountedSeparately()
    {
        var xbt = new SpotTradingLimiter("acct", "XBTUSD", SpotTradingLimits.Starter, _store, _time);
        var eth = new SpotTradingLimiter("acct", "ETHUSD", SpotTradingLimits.Starter, _store, _time);

        xbt.TryAcquire(60m).Granted.ShouldBeTrue();

        xbt.TryAcquire(1m).Granted.ShouldBeFalse();
        eth.TryAcquire(1m).Granted.ShouldBeTrue();
    }

    [Fact]
    public void SpotTrading_CancelOfYoungOrder_ChargesPenalty()
    {
        var limiter = new SpotTradingLimiter("acct", "XBTUSD", SpotTradingLimits.Starter, _store, _time);
        limiter.TryAcquire(SpotTradingCosts.AddOrder).Granted.ShouldBeTrue();

        _time.Advance(TimeSpan.FromSeconds(2));
        limiter.TryAcquire(SpotTradingCosts.CancelPenalty(TimeSpan.FromSeconds(2))).Granted.ShouldBeTrue();

        // 1 decayed to 0 after 1 s at 1/s, then +8.
        limiter.GetHeadroom().Used.ShouldBe(8m);
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(4_999, 8)]
    [InlineData(5_000, 6)]
    [InlineData(9_999, 6)]
    [InlineData(10_000, 5)]
    [InlineData(14_999, 5)]
    [InlineData(15_000, 4)]
    [InlineData(44_999, 4)]
    [InlineData(45_000, 2)]
    [InlineData(89_999, 2)]
    [InlineData(90_000, 1)]
    [InlineData(299_999, 1)]
    [InlineData(300_000, 0)]
    [InlineData(86_400_000, 0)]
    [InlineData(-1_000, 8)]
    public void SpotTradingCosts_Penalty_AtEachBoundary(int ageMilliseconds, int penalty)
    {
        var age = TimeSpan.FromMilliseconds(ageMilliseconds);

        SpotTradingCosts.CancelPenalty(age).ShouldBe(penalty);
    }

    [Theory]
    [InlineData(0, 4, 7)]
    [InlineData(4_999, 4, 7)]
    [InlineData(5_000, 3, 6)]
    [InlineData(9_999, 3, 6)]
    [InlineData(10_000, 2, 5)]
    [InlineData(14_999, 2, 5)]
    [InlineData(15_000, 1, 3)]
    [InlineData(44_999, 1, 3)]
    [InlineData(45_000, 1, 2)]
    [InlineData(89_999, 1, 2)]
    [InlineData(90_000, 1, 1)]
    [InlineData(86_400_000, 1, 1)]
    [InlineData(-1_000, 4, 7)]
    public void SpotTradingCosts_AmendAndEdit_FixedOnePlusTheirOwnDecayingCount(int ageMilliseconds, int amend, int edit)
    {
        // Kraken's rate-limit page (websocket.md §9): amend +1 fixed, +3/+2/+1 under 5/10/15 s; edit +1 fixed, +6/+5/+4/+2/+1 under 5/10/15/45/90 s.
        var age = TimeSpan.FromMilliseconds(ageMilliseconds);

        SpotTradingCosts.AmendCost(age).ShouldBe(amend);
        SpotTradingCosts.EditCost(age).ShouldBe(edit);
        SpotTradingCosts.EditCost(age).ShouldBeLessThanOrEqualTo(SpotTradingCosts.MaxPenalty);
    }
}
