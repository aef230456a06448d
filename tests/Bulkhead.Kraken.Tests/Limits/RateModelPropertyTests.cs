using Bulkhead.Kraken.Limits;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Limits;

/// <summary>Invariants of the rate models over random sequences of (advance time, acquire cost).</summary>
public sealed class RateModelPropertyTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Mostly short steps so limits are hit often; costs mostly small, sometimes large.
    private static Gen<(int AdvanceMs, int Cost)[]> Steps(int maxCost) =>
        Gen.Select(
            Gen.Frequency((4, Gen.Int[0, 200]), (1, Gen.Int[0, 12_000])),
            Gen.Frequency((4, Gen.Int[1, Math.Min(10, maxCost)]), (1, Gen.Int[1, maxCost])),
            (advance, cost) => (advance, cost)).Array[1, 300];

    [Fact]
    public void FuturesDerivatives_GrantedCostInAnyTenSecondWindow_NeverExceedsFiveHundred()
    {
        Steps(500).Sample(steps =>
        {
            var time = new FakeTimeProvider(Start);
            var limiter = new FuturesDerivativesLimiter("acct", new InMemoryRateLimitStateStore(), time);
            var granted = new List<(DateTimeOffset At, decimal Cost)>();
            foreach (var (advanceMs, cost) in steps)
            {
                time.Advance(TimeSpan.FromMilliseconds(advanceMs));
                if (limiter.TryAcquire(cost).Granted)
                {
                    granted.Add((time.GetUtcNow(), cost));
                }
            }

            var window = FuturesLimits.DerivativesWindow;
            foreach (var (at, _) in granted)
            {
                // Windows ending at each grant, (at − 10 s, at], and starting at each grant, [at, at + 10 s):
                // the maximum over all half-open windows is reached at one of these.
                granted.Where(g => g.At > at - window && g.At <= at).Sum(g => g.Cost).ShouldBeLessThanOrEqualTo(500m);
                granted.Where(g => g.At >= at && g.At < at + window).Sum(g => g.Cost).ShouldBeLessThanOrEqualTo(500m);
            }
        }, iter: 300);
    }

    [Theory]
    [InlineData(SpotTier.Starter)]
    [InlineData(SpotTier.Intermediate)]
    [InlineData(SpotTier.Pro)]
    public void SpotRest_Level_NeverExceedsMaximumNorFallsBelowZero(SpotTier tier)
    {
        var limits = SpotRestLimits.For(tier);
        Steps((int)limits.Maximum).Sample(steps =>
        {
            var time = new FakeTimeProvider(Start);
            var limiter = new SpotRestLimiter("acct", "key", limits, new InMemoryRateLimitStateStore(), time);
            foreach (var (advanceMs, cost) in steps)
            {
                time.Advance(TimeSpan.FromMilliseconds(advanceMs));
                limiter.TryAcquire(cost);
                var used = limiter.GetHeadroom().Used;
                used.ShouldBeLessThanOrEqualTo(limits.Maximum);
                used.ShouldBeGreaterThanOrEqualTo(0m);
            }
        }, iter: 200);
    }

    [Fact]
    public void AllLimiters_AfterDenial_WaitingRetryAfterGrantsTheSameCost()
    {
        Gen.Select(Steps(100), Gen.Int[0, 3], (steps, which) => (steps, which)).Sample(input =>
        {
            var time = new FakeTimeProvider(Start);
            var store = new InMemoryRateLimitStateStore();
            IRateLimiter limiter = input.which switch
            {
                0 => new SpotRestLimiter("acct", "key", SpotRestLimits.Starter, store, time),
                1 => new SpotTradingLimiter("acct", "XBTUSD", SpotTradingLimits.Intermediate, store, time),
                2 => new FuturesDerivativesLimiter("acct", store, time),
                _ => new FuturesHistoryLimiter("acct", store, time),
            };
            var limit = limiter.GetHeadroom().Limit;
            foreach (var (advanceMs, rawCost) in input.steps)
            {
                time.Advance(TimeSpan.FromMilliseconds(advanceMs));
                var cost = Math.Min(rawCost, limit);
                var decision = limiter.TryAcquire(cost);
                if (!decision.Granted)
                {
                    decision.RetryAfter.ShouldBeGreaterThan(TimeSpan.Zero);
                    time.Advance(decision.RetryAfter);
                    limiter.TryAcquire(cost).Granted.ShouldBeTrue();
                }
            }
        }, iter: 300);
    }
}
