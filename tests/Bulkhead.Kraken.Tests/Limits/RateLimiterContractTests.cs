using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Limits;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Limits;

/// <summary>The behaviour every <see cref="IRateLimiter"/> must have (after the BCL's BaseRateLimiterTests).</summary>
public abstract class RateLimiterContractTests
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected InMemoryRateLimitStateStore Store { get; } = new();

    /// <summary>The limit the limiter reports.</summary>
    protected abstract decimal Limit { get; }

    /// <summary>A typical cost that divides <see cref="Limit"/>.</summary>
    protected abstract decimal UnitCost { get; }

    /// <summary>The exact wait for one more <see cref="UnitCost"/> right after the limit was filled at one instant.</summary>
    protected abstract TimeSpan RetryAfterWhenFull { get; }

    protected abstract string ExpectedName { get; }

    protected abstract IRateLimiter Create(string account, IRateLimitStateStore store, TimeProvider time);

    private IRateLimiter Create(string account = "acct") => Create(account, Store, Time);

    private int UnitsInLimit => (int)(Limit / UnitCost);

    private static void Fill(IRateLimiter limiter, int units, decimal cost)
    {
        for (var i = 0; i < units; i++)
        {
            limiter.TryAcquire(cost).Granted.ShouldBeTrue($"acquire #{i + 1}");
        }
    }

    [Fact]
    public void TryAcquire_WithinLimit_IsGranted()
    {
        var limiter = Create();
        Fill(limiter, UnitsInLimit, UnitCost);
    }

    [Fact]
    public void TryAcquire_PastLimit_IsDeniedWithExactRetryAfter()
    {
        var limiter = Create();
        Fill(limiter, UnitsInLimit, UnitCost);

        var decision = limiter.TryAcquire(UnitCost);

        decision.Granted.ShouldBeFalse();
        decision.RetryAfter.ShouldBe(RetryAfterWhenFull);
    }

    [Fact]
    public void TryAcquire_AfterRetryAfterElapses_IsGranted_AndNotOneTickEarlier()
    {
        var limiter = Create();
        Fill(limiter, UnitsInLimit, UnitCost);
        var retryAfter = limiter.TryAcquire(UnitCost).RetryAfter;

        Time.Advance(retryAfter - TimeSpan.FromTicks(1));
        limiter.TryAcquire(UnitCost).Granted.ShouldBeFalse();
        Time.Advance(TimeSpan.FromTicks(1));
        limiter.TryAcquire(UnitCost).Granted.ShouldBeTrue();
    }

    [Fact]
    public void TryAcquire_Denied_BooksNothing()
    {
        var limiter = Create();
        Fill(limiter, UnitsInLimit, UnitCost);
        var before = limiter.GetHeadroom();

        var first = limiter.TryAcquire(UnitCost);
        var second = limiter.TryAcquire(UnitCost);

        limiter.GetHeadroom().ShouldBe(before);
        second.RetryAfter.ShouldBe(first.RetryAfter);
    }

    [Fact]
    public void GetHeadroom_ReportsUsedAndLimit()
    {
        var limiter = Create();
        limiter.Name.ShouldBe(ExpectedName);
        limiter.GetHeadroom().ShouldBe(new RateHeadroom(ExpectedName, 0m, Limit));

        limiter.TryAcquire(UnitCost).Granted.ShouldBeTrue();

        var headroom = limiter.GetHeadroom();
        headroom.Used.ShouldBe(UnitCost);
        headroom.Available.ShouldBe(Limit - UnitCost);
        headroom.Limit.ShouldBe(Limit);
    }

    [Fact]
    public void TryAcquire_TwoLimitersOnSameStoreAndAccount_ShareState()
    {
        var first = Create("acct");
        var second = Create("acct");
        Fill(first, UnitsInLimit, UnitCost);

        second.TryAcquire(UnitCost).Granted.ShouldBeFalse();
        second.GetHeadroom().Used.ShouldBe(Limit);
    }

    [Fact]
    public void TryAcquire_SeparateAccounts_AreIndependent()
    {
        Fill(Create("a"), UnitsInLimit, UnitCost);

        var other = Create("b");
        other.GetHeadroom().Used.ShouldBe(0m);
        Fill(other, UnitsInLimit, UnitCost);
    }

    [Fact]
    public void TryAcquire_ConcurrentFromManyThreads_NeverExceedsLimit()
    {
        var limiter = Create();
        var granted = 0;

        Parallel.For(0, UnitsInLimit * 4, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ =>
        {
            if (limiter.TryAcquire(UnitCost).Granted)
            {
                Interlocked.Increment(ref granted);
            }
        });

        (granted * UnitCost).ShouldBe(Limit);
        limiter.GetHeadroom().Used.ShouldBe(Limit);
    }

    [Fact]
    public void TryAcquire_ZeroCost_IsGrantedEvenWhenFull()
    {
        var limiter = Create();
        Fill(limiter, UnitsInLimit, UnitCost);

        limiter.TryAcquire(0m).Granted.ShouldBeTrue();
    }

    [Fact]
    public void TryAcquire_CostAboveLimit_Throws()
    {
        var limiter = Create();

        Should.Throw<ArgumentOutOfRangeException>(() => limiter.TryAcquire(Limit + 1m));
        Should.Throw<ArgumentOutOfRangeException>(() => limiter.TryAcquire(-1m));
    }

    [Fact]
    public void TryAcquire_WholeLimitAtOnce_IsGranted()
    {
        Create().TryAcquire(Limit).Granted.ShouldBeTrue();
    }

    [Fact]
    public async Task WaitAsync_WhenFull_WaitsUntilFakeClockAdvances()
    {
        var limiter = Create();
        Fill(limiter, UnitsInLimit, UnitCost);

        var wait = limiter.WaitAsync(UnitCost, Time, RetryAfterWhenFull, TestContext.Current.CancellationToken).AsTask();
        wait.IsCompleted.ShouldBeFalse();

        Time.Advance(RetryAfterWhenFull);

        (await wait).ShouldBeNull();
        limiter.GetHeadroom().Used.ShouldBeGreaterThanOrEqualTo(UnitCost, "the cost was booked");
    }

    [Fact]
    public async Task WaitAsync_WhenNeededWaitExceedsMaxWait_RefusesAtOnce()
    {
        var limiter = Create();
        Fill(limiter, UnitsInLimit, UnitCost);

        var error = await limiter.WaitAsync(UnitCost, Time, RetryAfterWhenFull - TimeSpan.FromTicks(1), TestContext.Current.CancellationToken);

        error.ShouldNotBeNull();
        error.Code.ShouldBe(KrakenErrors.LocalRateBudget);
        error.RetryAfter.ShouldBe(RetryAfterWhenFull);
        error.Message.ShouldContain(ExpectedName);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        var limiter = Create();
        Fill(limiter, UnitsInLimit, UnitCost);
        using var cts = new CancellationTokenSource();

        var wait = limiter.WaitAsync(UnitCost, Time, TimeSpan.FromDays(1), cts.Token).AsTask();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(wait);
    }
}
