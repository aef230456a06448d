using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Coordination.Postgres;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Coordination;

/// <summary>The coordination contract on a real PostgreSQL server, one fresh schema per test.</summary>
public sealed class PostgresCoordinationStoreTests : CoordinationStoreContract, IDisposable
{
    private readonly PostgresTestSchema _database = new();

    protected override string Specification => _database.Specification;

    protected override ICoordinationStore Open(TimeProvider time) => PostgresCoordinationStore.Open(_database.ConnectionString, time);

    public void Dispose() => _database.Dispose();

    [Fact]
    public void LeaseKeeper_StoreUnreachable_SelfFencesAtHalfTheTtl_LongBeforeASuccessorMayTakeTheKey()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        using var other = Open(time);
        var lost = Open(time);
        var lease = lost.TryAcquire("k", new LeaseHolder("a", "host-a", 1, time.GetUtcNow()), Ttl).Lease!;
        using var keeper = new LeaseKeeper(lost, lease, Ttl, time);
        string? reason = null;
        keeper.LeaseLost += (_, why) => reason = why;

        // The holder's store goes away (its connections are gone, as in a partition): renewals fail from now on.
        lost.Dispose();
        time.Advance(Ttl / 3);
        keeper.IsLost.ShouldBeFalse("one failed renewal is retried");
        time.Advance(Ttl / 2 - Ttl / 3 - TimeSpan.FromMilliseconds(1));
        keeper.IsLost.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(1));
        keeper.IsLost.ShouldBeTrue("no renewal within half the ttl");
        reason.ShouldNotBeNull().ShouldContain("self-fenced");

        // The successor still waits for the whole lease: the fenced holder stopped half a ttl before it may start.
        other.TryAcquire("k", new LeaseHolder("b", "host-b", 2, time.GetUtcNow()), Ttl).Granted.ShouldBeFalse();
        time.Advance(Ttl / 2);
        other.TryAcquire("k", new LeaseHolder("b", "host-b", 2, time.GetUtcNow()), Ttl).Granted.ShouldBeTrue();
    }
}
