using Bulkhead.Kraken.Limits;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Limits;

public sealed class AccountRateLimitsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRateLimitStateStore _store = new();

    [Fact]
    public void Headroom_ListsEveryLimitWithTierNumbers()
    {
        var limits = new AccountRateLimits("acct", SpotTier.Pro, _store, _time);
        limits.SpotTrading("XBTUSD").TryAcquire(SpotTradingCosts.AddOrder).Granted.ShouldBeTrue();
        limits.SpotTrading("ETHUSD");
        limits.SpotRest("key-b").TryAcquire(3m).Granted.ShouldBeTrue();
        limits.SpotRest("key-a");

        limits.Headroom().ShouldBe(
        [
            new RateHeadroom("spot-rest/key-a", 0m, 20m),
            new RateHeadroom("spot-rest/key-b", 3m, 20m),
            new RateHeadroom("spot-trading/ETHUSD", 0m, 180m),
            new RateHeadroom("spot-trading/XBTUSD", 1m, 180m),
            new RateHeadroom("futures-derivatives", 0m, 500m),
            new RateHeadroom("futures-history", 0m, 100m),
        ]);
        limits.SpotTradingLimits.MaxOpenOrdersPerPair.ShouldBe(225);
    }

    [Fact]
    public void SpotTradingAndSpotRest_SamePairOrKey_ReturnSameLimiter()
    {
        var limits = new AccountRateLimits("acct", SpotTier.Starter, _store, _time);

        limits.SpotTrading("XBTUSD").ShouldBeSameAs(limits.SpotTrading("XBTUSD"));
        limits.SpotRest("key-a").ShouldBeSameAs(limits.SpotRest("key-a"));
        limits.Sockets("key-a").ShouldBeSameAs(limits.Sockets("key-a"));
    }

    [Fact]
    public void TwoProcessesWithDifferentKeys_OnSameAccountAndStore_ShareAccountLimitsNotRestCounters()
    {
        var first = new AccountRateLimits("acct", SpotTier.Starter, _store, _time);
        var second = new AccountRateLimits("acct", SpotTier.Starter, _store, _time);

        first.SpotRest("key-a").TryAcquire(15m).Granted.ShouldBeTrue();
        first.FuturesDerivatives.TryAcquire(500m).Granted.ShouldBeTrue();
        first.SpotTrading("XBTUSD").TryAcquire(60m).Granted.ShouldBeTrue();

        second.SpotRest("key-b").TryAcquire(15m).Granted.ShouldBeTrue();
        second.SpotRest("key-a").TryAcquire(1m).Granted.ShouldBeFalse();
        second.FuturesDerivatives.TryAcquire(1m).Granted.ShouldBeFalse();
        second.SpotTrading("XBTUSD").TryAcquire(1m).Granted.ShouldBeFalse();
        second.FuturesHistory.TryAcquire(1m).Granted.ShouldBeTrue();
    }

    [Fact]
    public void SpotRestBudget_GivenNumbers_UsedForEveryKey()
    {
        var budget = new SpotRestLimits(19m, 1m);
        var limits = new AccountRateLimits("acct", SpotTier.Pro, _store, _time, spotRest: budget);

        limits.SpotRestLimits.ShouldBe(budget);
        limits.SpotRest("key-a").TryAcquire(19m).Granted.ShouldBeTrue();
        limits.SpotRest("key-a").TryAcquire(1m).Granted.ShouldBeFalse();
        limits.SpotRest("key-b").GetHeadroom().Limit.ShouldBe(19m);
    }
}
