using Bulkhead.Kraken.Nonces;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Nonces;

public sealed class NonceSourceTests
{
    private const string ApiKey = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdEfGhIjKlMnOp";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_FirstDraw_IsClockInMicroseconds()
    {
        var time = new FakeTimeProvider(Start);
        using var source = NonceSource.InMemory(ApiKey, new NonceOptions(), time);

        var nonce = source.Next();

        nonce.ShouldBe(Start.ToUnixTimeMilliseconds() * 1000);
        nonce.ToString(System.Globalization.CultureInfo.InvariantCulture).Length.ShouldBe(16);
    }

    [Fact]
    public void Next_MillisecondUnit_IsClockInMilliseconds()
    {
        var time = new FakeTimeProvider(Start);
        using var source = NonceSource.InMemory(ApiKey, new NonceOptions { Unit = NonceUnit.Milliseconds }, time);

        source.Next().ShouldBe(Start.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Next_SameClockReading_IncrementsByOne()
    {
        using var source = NonceSource.InMemory(ApiKey, new NonceOptions(), new FakeTimeProvider(Start));

        var first = source.Next();

        source.Next().ShouldBe(first + 1);
        source.Next().ShouldBe(first + 2);
    }

    [Fact]
    public void Next_ClockAdvances_FollowsClock()
    {
        var time = new FakeTimeProvider(Start);
        using var source = NonceSource.InMemory(ApiKey, new NonceOptions(), time);
        source.Next();

        time.Advance(TimeSpan.FromSeconds(5));

        source.Next().ShouldBe(time.GetUtcNow().ToUnixTimeMilliseconds() * 1000);
    }

    [Fact]
    public void Next_ClockSteppedBack_StillStrictlyIncreasing()
    {
        var time = new FakeTimeProvider(Start);
        using var source = NonceSource.InMemory(ApiKey, new NonceOptions(), time);
        var before = source.Next();

        time.AdjustTime(Start - TimeSpan.FromHours(2));
        var after = new[] { source.Next(), source.Next(), source.Next() };

        after.ShouldBe([before + 1, before + 2, before + 3]);
    }

    [Fact]
    public void Next_StoreMarkAboveClock_StartsAboveMark()
    {
        var reserved = (Start.ToUnixTimeMilliseconds() * 1000) + 1_000_000;
        var store = new InMemoryNonceStore(ApiKey, new FakeTimeProvider(Start), initialReserved: reserved);
        using var source = new NonceSource(store, new NonceOptions(), new FakeTimeProvider(Start));

        source.Next().ShouldBe(reserved + 1);
    }

    [Fact]
    public void Next_ManyDrawsWithinReserveAhead_WritesOnce()
    {
        var time = new FakeTimeProvider(Start);
        var store = new CountingNonceStore(new InMemoryNonceStore(ApiKey, time));
        using var source = new NonceSource(store, new NonceOptions(), time);

        for (var i = 0; i < 2_000; i++)
        {
            source.Next().ShouldBeLessThanOrEqualTo(store.LastWritten);
            time.Advance(TimeSpan.FromMilliseconds(10)); // 20 s of clock in all, under the 30 s reservation
        }

        store.Writes.ShouldBe(1);
    }

    [Fact]
    public void Next_ClockPassesReservation_WritesBeforeReturning()
    {
        var time = new FakeTimeProvider(Start);
        var store = new CountingNonceStore(new InMemoryNonceStore(ApiKey, time));
        using var source = new NonceSource(store, new NonceOptions { ReserveAhead = TimeSpan.FromSeconds(30) }, time);
        var first = source.Next();
        store.LastWritten.ShouldBe(first + 30_000_000);

        time.Advance(TimeSpan.FromSeconds(31));
        var second = source.Next();

        store.Writes.ShouldBe(2);
        store.LastWritten.ShouldBe(second + 30_000_000);
    }

    [Fact]
    public void Next_BurstPastReservation_WritesAgain()
    {
        var time = new FakeTimeProvider(Start);
        var store = new CountingNonceStore(new InMemoryNonceStore(ApiKey, time));
        using var source = new NonceSource(store, new NonceOptions { Unit = NonceUnit.Milliseconds, ReserveAhead = TimeSpan.FromMilliseconds(10) }, time);

        var nonces = Enumerable.Range(0, 25).Select(_ => source.Next()).ToList();

        nonces.Last().ShouldBeLessThanOrEqualTo(store.LastWritten);
        store.Writes.ShouldBe(3); // reservations at +10, +21, +32 units cover 25 draws on a frozen clock
    }

    [Fact]
    public void Next_StoreWriteFails_HandsOutNothingAndRecovers()
    {
        var time = new FakeTimeProvider(Start);
        var store = new CountingNonceStore(new InMemoryNonceStore(ApiKey, time));
        using var source = new NonceSource(store, new NonceOptions(), time);
        var first = source.Next();
        time.Advance(TimeSpan.FromMinutes(1));
        store.FailNextWrite = true;

        Should.Throw<IOException>(() => source.Next());
        var next = source.Next();

        next.ShouldBeGreaterThan(first);
        next.ShouldBeLessThanOrEqualTo(store.LastWritten);
    }

    [Fact]
    public void Next_AfterDispose_Throws()
    {
        var source = NonceSource.InMemory(ApiKey, new NonceOptions(), new FakeTimeProvider(Start));
        source.Dispose();

        Should.Throw<ObjectDisposedException>(() => source.Next());
    }

    [Fact]
    public void Holder_IsThisProcessWithMaskedKey()
    {
        using var source = NonceSource.InMemory(ApiKey, new NonceOptions(), new FakeTimeProvider(Start));

        source.Holder.ProcessId.ShouldBe(Environment.ProcessId);
        source.Holder.Host.ShouldBe(Environment.MachineName);
        source.Holder.Since.ShouldBe(Start);
        source.Holder.MaskedKey.ShouldBe("AbCd…MnOp");
        source.ToString().ShouldNotContain(ApiKey);
        source.Holder.ToString().ShouldNotContain(ApiKey);
    }

    [Fact]
    public void Next_EightThreadsHundredThousandEach_AllDistinctAndPerThreadIncreasing()
    {
        const int Threads = 8;
        const int PerThread = 100_000;
        var time = new FakeTimeProvider(Start) { AutoAdvanceAmount = TimeSpan.FromTicks(3) };
        var store = new CountingNonceStore(new InMemoryNonceStore(ApiKey, time));
        using var source = new NonceSource(store, new NonceOptions { ReserveAhead = TimeSpan.FromMilliseconds(5) }, time);
        var drawn = new long[Threads][];

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            var mine = new long[PerThread];
            for (var i = 0; i < PerThread; i++)
            {
                mine[i] = source.Next();
            }

            drawn[t] = mine;
        });

        foreach (var mine in drawn)
        {
            for (var i = 1; i < mine.Length; i++)
            {
                if (mine[i] <= mine[i - 1])
                {
                    Assert.Fail($"per-thread sequence not increasing at {i}: {mine[i - 1]} then {mine[i]}");
                }
            }
        }

        var all = drawn.SelectMany(x => x).Order().ToArray();
        all.Length.ShouldBe(Threads * PerThread);
        for (var i = 1; i < all.Length; i++)
        {
            if (all[i] == all[i - 1])
            {
                Assert.Fail($"duplicate nonce {all[i]}");
            }
        }

        all[^1].ShouldBeLessThanOrEqualTo(store.LastWritten);
        store.Writes.ShouldBeGreaterThan(1);
    }
}
