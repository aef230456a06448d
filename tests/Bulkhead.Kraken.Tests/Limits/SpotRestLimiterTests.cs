using Bulkhead.Kraken.Limits;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Limits;

/// <summary>Kraken counts Spot REST calls per API key (shared/kraken/spot.md §3): one <see cref="SpotRestLimiter"/> per key.</summary>
public sealed class SpotRestLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRateLimitStateStore _store = new();

    [Fact]
    public void TwoKeysOfOneAccount_EachHasTheTiersCounter()
    {
        var first = new SpotRestLimiter("acct", "key-a", SpotRestLimits.Starter, _store, _time);
        var second = new SpotRestLimiter("acct", "key-b", SpotRestLimits.Starter, _store, _time);

        first.TryAcquire(15m).Granted.ShouldBeTrue();

        first.TryAcquire(1m).Granted.ShouldBeFalse();
        second.TryAcquire(15m).Granted.ShouldBeTrue();
        new AccountRateLimits("acct", SpotTier.Starter, _store, _time).SpotRest("key-c").TryAcquire(15m).Granted.ShouldBeTrue();
    }

    [Fact]
    public void SameKeyTwoInstances_ShareTheCounter()
    {
        new SpotRestLimiter("acct", "key-a", SpotRestLimits.Starter, _store, _time).TryAcquire(15m).Granted.ShouldBeTrue();

        var again = new SpotRestLimiter("acct", "key-a", SpotRestLimits.Starter, _store, _time);

        again.TryAcquire(1m).Granted.ShouldBeFalse();
        again.GetHeadroom().ShouldBe(new RateHeadroom("spot-rest", 15m, 15m));
    }

    [Fact]
    public void BlankKey_Throws()
    {
        Should.Throw<ArgumentException>(() => new SpotRestLimiter("acct", " ", SpotRestLimits.Starter, _store, _time));
    }
}
