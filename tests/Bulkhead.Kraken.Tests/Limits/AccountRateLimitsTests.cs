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

        limits.Headroom().ShouldBe(
        [
            new RateHeadroom("spot-rest", 0m, 20m),
            new RateHeadroom("spot-trading/ETHUSD", 0m, 180m),
            new RateHeadroom("spot-trading/XBTUSD", 1m, 180m),
            new RateHeadroom("futures-derivatives", 0m, 500m),
            new RateHeadroom("futures-history", 0m, 100m),
        ]);
        limits.SpotTradingLimits.MaxOpenOrdersPerPair.ShouldBe(225);
    }

    [Fact]
    public void SpotTrading_SamePair_ReturnsSameLimiter()
    {
        var limits = new AccountRateLimits("acct", SpotTier.Starter, _store, _time);

        limits.SpotTrading("XBTUSD").ShouldBeSameAs(limits.SpotTrading("XBTUSD"));
    }

    [Fact]
    public void TwoProcessesWithDifferentKeys_OnSameAccountAndStore_ShareLimits()
    {
        var first = new AccountRateLimits("acct", SpotTier.Starter, _store, _time);
        var second = new AccountRateLimits("acct", SpotTier.Starter, _store, _time);

        first.SpotRest.TryAcquire(15m).Granted.ShouldBeTrue();
        first.FuturesDerivatives.TryAcquire(500m).Granted.ShouldBeTrue();

        second.SpotRest.TryAcquire(1m).Granted.ShouldBeFalse();
        second.FuturesDerivatives.TryAcquire(1m).Granted.ShouldBeFalse();
        second.FuturesHistory.TryAcquire(1m).Granted.ShouldBeTrue();
    }
}
