using System.Diagnostics;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Kraken.Limits;
using Bulkhead.Kraken.Nonces;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Coordination;

/// <summary>
/// The coordination contract, run against every backend on a real database. Each instance of a store stands for one
/// process; two instances on the same database are two processes.
/// </summary>
public abstract class CoordinationStoreContract
{
    protected static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The store's <c>CoordinationStore.Open</c> specification.</summary>
    protected abstract string Specification { get; }

    /// <summary>Opens another instance of the store under test (a new "process").</summary>
    protected abstract ICoordinationStore Open(TimeProvider time);

    private static LeaseHolder OtherHost(string process, DateTimeOffset since) => new(process, "other-host", 4242, since);

    [Fact]
    public void TryAcquire_FreeKey_GrantsFirstToken()
    {
        using var store = Open(_time);

        var result = store.TryAcquire("mm-trader", OtherHost("mm", _time.GetUtcNow()), Ttl);

        result.Granted.ShouldBeTrue(result.ToString());
        result.Lease.FencingToken.ShouldBe(1);
        result.Lease.ExpiresAt.ShouldBe(_time.GetUtcNow() + Ttl);
        store.ReadNonceMark(result.Lease).ShouldBe(0);
    }

    [Fact]
    public void TryAcquire_Held_NamesHolderHostPidSinceAndExpiry()
    {
        using var first = Open(_time);
        using var second = Open(_time);
        var holder = OtherHost("mm-1", _time.GetUtcNow());
        first.TryAcquire("mm-trader", holder, Ttl).Granted.ShouldBeTrue();
        _time.Advance(TimeSpan.FromSeconds(5));

        var result = second.TryAcquire("mm-trader", OtherHost("mm-2", _time.GetUtcNow()), Ttl);

        result.Granted.ShouldBeFalse();
        result.Holder.ShouldBe(holder);
        result.HeldUntil.ShouldBe(holder.Since + Ttl);
        result.ToString().ShouldContain("process mm-1 (pid 4242 on other-host) since 2026-11-26T12:00:00");
    }

    [Fact]
    public void Renew_KeepsOthersOutPastTheFirstExpiry()
    {
        using var first = Open(_time);
        using var second = Open(_time);
        var lease = first.TryAcquire("k", OtherHost("a", _time.GetUtcNow()), Ttl).Lease!;

        _time.Advance(Ttl * 2 / 3);
        first.Renew(lease, Ttl).ShouldBeTrue();
        _time.Advance(Ttl * 2 / 3);

        second.TryAcquire("k", OtherHost("b", _time.GetUtcNow()), Ttl).Granted.ShouldBeFalse();
        first.Renew(lease, Ttl).ShouldBeTrue();
    }

    [Fact]
    public void Release_LetsTheNextHolderInWithAHigherTokenAndTheSameMark()
    {
        using var first = Open(_time);
        using var second = Open(_time);
        var lease = first.TryAcquire("k", OtherHost("a", _time.GetUtcNow()), Ttl).Lease!;
        first.WriteNonceMark(lease, 1_000);

        first.Release(lease);
        var next = second.TryAcquire("k", OtherHost("b", _time.GetUtcNow()), Ttl);

        next.Granted.ShouldBeTrue();
        next.Lease.FencingToken.ShouldBeGreaterThan(lease.FencingToken);
        second.ReadNonceMark(next.Lease).ShouldBe(1_000);
        first.Renew(lease, Ttl).ShouldBeFalse();
        second.Describe("k")!.Holder!.Process.ShouldBe("b");
    }

    [Fact]
    public void Expired_TakenOver_StaleHolderIsFencedOut()
    {
        using var stale = Open(_time);
        using var fresh = Open(_time);
        var old = stale.TryAcquire("k", OtherHost("a", _time.GetUtcNow()), Ttl).Lease!;
        stale.WriteNonceMark(old, 500);
        _time.Advance(Ttl + TimeSpan.FromMilliseconds(1));

        var taken = fresh.TryAcquire("k", OtherHost("b", _time.GetUtcNow()), Ttl);

        taken.Granted.ShouldBeTrue();
        taken.Lease.FencingToken.ShouldBe(old.FencingToken + 1);
        fresh.ReadNonceMark(taken.Lease).ShouldBe(500);
        stale.Renew(old, Ttl).ShouldBeFalse();
        Should.Throw<LeaseLostException>(() => stale.WriteNonceMark(old, 10_000)).CurrentToken.ShouldBe(taken.Lease.FencingToken);
        Should.Throw<LeaseLostException>(() => stale.ReadNonceMark(old));
        fresh.ReadNonceMark(taken.Lease).ShouldBe(500);
        stale.Release(old);
        fresh.Renew(taken.Lease, Ttl).ShouldBeTrue();
    }

    [Fact]
    public void NotYetExpired_OnAnotherHost_IsNotTakenOverEvenWithADeadLookingPid()
    {
        using var first = Open(_time);
        using var second = Open(_time);
        first.TryAcquire("k", new LeaseHolder("a", "other-host", DeadPid(), _time.GetUtcNow()), Ttl).Granted.ShouldBeTrue();
        _time.Advance(Ttl - TimeSpan.FromMilliseconds(1));

        second.TryAcquire("k", OtherHost("b", _time.GetUtcNow()), Ttl).Granted.ShouldBeFalse();
    }

    [Fact]
    public void DeadPidOnThisHost_TakenOverBeforeExpiry()
    {
        using var dead = Open(_time);
        using var next = Open(_time);
        var old = dead.TryAcquire("k", new LeaseHolder("a", Environment.MachineName, DeadPid(), _time.GetUtcNow()), Ttl).Lease!;

        var taken = next.TryAcquire("k", LeaseHolder.ForThisProcess("b", _time), Ttl);

        taken.Granted.ShouldBeTrue(taken.ToString());
        taken.Lease.FencingToken.ShouldBe(old.FencingToken + 1);
    }

    [Fact]
    public void LiveProcessOnThisHost_IsNotTakenOver()
    {
        using var first = Open(_time);
        using var second = Open(_time);
        first.TryAcquire("k", LeaseHolder.ForThisProcess("a", _time), Ttl).Granted.ShouldBeTrue();

        var result = second.TryAcquire("k", LeaseHolder.ForThisProcess("b", _time), Ttl);

        result.Granted.ShouldBeFalse();
        result.Holder!.Pid.ShouldBe(Environment.ProcessId);
    }

    [Fact]
    public void NonceMarks_OnlyGoUp()
    {
        using var store = Open(_time);
        Gen.Long[0, 1_000_000].Array[1, 12].Sample(marks =>
        {
            var lease = store.TryAcquire("k-" + Guid.NewGuid().ToString("N"), OtherHost("a", _time.GetUtcNow()), Ttl).Lease!;
            var highest = 0L;
            foreach (var mark in marks)
            {
                if (mark < highest)
                {
                    Should.Throw<InvalidOperationException>(() => store.WriteNonceMark(lease, mark));
                }
                else
                {
                    store.WriteNonceMark(lease, mark);
                    highest = mark;
                }

                store.ReadNonceMark(lease).ShouldBe(highest);
            }
        }, iter: 25, threads: 1);
    }

    [Fact]
    public void NonceSource_AfterTakeover_StartsAboveEveryNonceTheOldHolderHandedOut()
    {
        using var stale = Open(_time);
        using var fresh = Open(_time);
        var old = stale.TryAcquire("k", OtherHost("a", _time.GetUtcNow()), Ttl).Lease!;
        var options = new NonceOptions { ReserveAhead = TimeSpan.FromSeconds(1) };
        using var oldSource = new NonceSource(new LeasedNonceStore(stale, old, "AAAA…"), options, _time);
        var used = Enumerable.Range(0, 50).Select(_ => oldSource.Next()).ToList();
        _time.Advance(Ttl + TimeSpan.FromSeconds(1));

        var taken = fresh.TryAcquire("k", OtherHost("b", _time.GetUtcNow()), Ttl).Lease!;
        var behind = new FakeTimeProvider(_time.GetUtcNow() - TimeSpan.FromMinutes(5)); // the new host's clock is behind
        using var newSource = new NonceSource(new LeasedNonceStore(fresh, taken, "AAAA…"), options, behind);

        newSource.Next().ShouldBeGreaterThan(used.Max());
        Should.Throw<LeaseLostException>(() =>
        {
            for (var i = 0; i < 10_000_000; i++)
            {
                oldSource.Next(); // runs past its reservation, must persist, and is refused
            }
        });
    }

    [Fact]
    public void RateLimitUpdates_FromParallelStoresAndThreads_Serialize()
    {
        const int stores = 4, threadsPerStore = 3, updatesPerThread = 20;
        var instances = Enumerable.Range(0, stores).Select(_ => Open(_time)).ToList();
        try
        {
            var results = new System.Collections.Concurrent.ConcurrentBag<int>();
            Parallel.ForEach(
                Enumerable.Range(0, stores * threadsPerStore),
                new ParallelOptions { MaxDegreeOfParallelism = stores * threadsPerStore, CancellationToken = TestContext.Current.CancellationToken },
                i =>
                {
                    var store = instances[i % stores].RateLimits;
                    for (var n = 0; n < updatesPerThread; n++)
                    {
                        results.Add(store.Update<Counter, int>("acct/counter", c => (new Counter((c?.Value ?? 0) + 1), (c?.Value ?? 0) + 1)));
                    }
                });

            var total = stores * threadsPerStore * updatesPerThread;
            results.Order().ShouldBe(Enumerable.Range(1, total));
            instances[0].RateLimits.Update<Counter, int>("acct/counter", c => (c!, c!.Value)).ShouldBe(total);
        }
        finally
        {
            instances.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void RateLimitState_OfAnotherType_IsRefused()
    {
        using var store = Open(_time);
        store.RateLimits.Update<Counter, int>("acct/x", _ => (new Counter(1), 1));

        Should.Throw<InvalidOperationException>(() => store.RateLimits.Update<DecayingCounterState, int>("acct/x", _ => (new DecayingCounterState(0m, _time.GetUtcNow()), 0)));
    }

    [Fact]
    public void RateLimits_TwoProcessesWithTwoKeysOnOneAccount_OwnRestCountersOneTradingCounter()
    {
        using var a = Open(_time);
        using var b = Open(_time);
        var first = new AccountRateLimits("sandbox/mm", SpotTier.Starter, a.RateLimits, _time);
        var second = new AccountRateLimits("sandbox/mm", SpotTier.Starter, b.RateLimits, _time);
        var rest = SpotRestLimits.Starter;

        // Kraken counts Spot REST per key: each process's key has the whole counter.
        Enumerable.Range(0, 40).Count(_ => first.SpotRest("k1").TryAcquire(1m).Granted).ShouldBe((int)rest.Maximum);
        Enumerable.Range(0, 40).Count(_ => second.SpotRest("k2").TryAcquire(1m).Granted).ShouldBe((int)rest.Maximum);

        // The same key seen from another process is the same counter (one state in the store).
        second.SpotRest("k1").TryAcquire(1m).Granted.ShouldBeFalse();

        // The trading counter is the account's, per pair: REST order entry of one key and socket order entry of the other charge one state.
        first.SpotTrading("XBTUSD").TryAcquire(SpotTradingLimits.Starter.Threshold).Granted.ShouldBeTrue();
        second.Sockets("k2").Trading("XBTUSD").TryAcquire(SpotTradingCosts.AddOrder).Granted.ShouldBeFalse();
        second.Sockets("k2").Trading("ETHUSD").TryAcquire(SpotTradingCosts.AddOrder).Granted.ShouldBeTrue();

        _time.Advance(TimeSpan.FromSeconds(10));
        Enumerable.Range(0, 10).Count(_ => second.SpotRest("k1").TryAcquire(1m).Granted).ShouldBe((int)(rest.DecayPerSecond * 10));
    }

    [Fact]
    public void LeaseKeeper_RenewsEveryThirdOfTtl_AndReportsATakeover()
    {
        using var store = Open(_time);
        using var other = Open(_time);
        // The holder looks like a dead process on this host, so the other store may take it over at any time.
        var lease = store.TryAcquire("k", new LeaseHolder("a", Environment.MachineName, DeadPid(), _time.GetUtcNow()), Ttl).Lease!;
        using var keeper = new LeaseKeeper(store, lease, Ttl, _time);
        string? reason = null;
        keeper.LeaseLost += (_, why) => reason = why;

        _time.Advance(Ttl / 3);
        store.Describe("k")!.ExpiresAt.ShouldBe(_time.GetUtcNow() + Ttl);
        keeper.IsLost.ShouldBeFalse();

        other.TryAcquire("k", LeaseHolder.ForThisProcess("b", _time), Ttl).Granted.ShouldBeTrue();
        _time.Advance(Ttl / 3);

        keeper.IsLost.ShouldBeTrue();
        keeper.Lost.IsCancellationRequested.ShouldBeTrue();
        reason.ShouldNotBeNull().ShouldContain("taken over");
    }

    [Fact]
    public void LeaseKeeper_Dispose_ReleasesTheLease()
    {
        using var store = Open(_time);
        var lease = store.TryAcquire("k", OtherHost("a", _time.GetUtcNow()), Ttl).Lease!;
        var keeper = new LeaseKeeper(store, lease, Ttl, _time);

        keeper.Dispose();

        store.Describe("k")!.Holder.ShouldBeNull();
        store.TryAcquire("k", OtherHost("b", _time.GetUtcNow()), Ttl).Granted.ShouldBeTrue();
    }

    [Fact]
    public void Open_BySpecification_ReachesTheSameDatabase()
    {
        using var direct = Open(_time);
        using var bySpec = CoordinationStore.Open(Specification, _time);
        var lease = direct.TryAcquire("k", OtherHost("a", _time.GetUtcNow()), Ttl).Lease!;

        bySpec.TryAcquire("k", OtherHost("b", _time.GetUtcNow()), Ttl).Holder.ShouldBe(lease.Holder);
    }

    /// <summary>The pid of a process that has exited.</summary>
    protected static int DeadPid()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private sealed record Counter(int Value);
}
