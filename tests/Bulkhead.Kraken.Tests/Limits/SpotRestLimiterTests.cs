using Bulkhead.Kraken.Limits;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Limits;

/// <summary>Kraken counts Spot REST calls per API key (shared/kraken/spot.md §3): <see cref="SpotRestLimiter.ForKey"/>.</summary>
public sealed class SpotRestLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRateLimitStateStore _store = new();

    [Fact]
    public void ForKey_TwoKeysOfOneAccount_EachHasTheTiersCounter()
    {
        var first = SpotRestLimiter.ForKey("acct", "key-a", SpotRestLimits.Starter, _store, _time);
        var second = SpotRestLimiter.ForKey("acct", "key-b", SpotRestLimits.Starter, _store, _time);

        first.TryAcquire(15m).Granted.ShouldBeTrue();

        first.TryAcquire(1m).Granted.ShouldBeFalse();
        second.TryAcquire(15m).Granted.ShouldBeTrue();
        new AccountRateLimits("acct", SpotTier.Starter, _store, _time).SpotRest.TryAcquire(15m).Granted.ShouldBeTrue();
    }

    [Fact]
    public void ForKey_SameKeyTwoInstances_ShareTheCounter()
    {
        SpotRestLimiter.ForKey("acct", "key-a", SpotRestLimits.Starter, _store, _time).TryAcquire(15m).Granted.ShouldBeTrue();

        var again = SpotRestLimiter.ForKey("acct", "key-a", SpotRestLimits.Starter, _store, _time);

        again.TryAcquire(1m).Granted.ShouldBeFalse();
        again.GetHeadroom().ShouldBe(new RateHeadroom("spot-rest", 15m, 15m));
    }

    [Fact]
    public void ForKey_BlankKey_Throws()
    {
        Should.Throw<ArgumentException>(() => SpotRestLimiter.ForKey("acct", " ", SpotRestLimits.Starter, _store, _time));
    }
}
