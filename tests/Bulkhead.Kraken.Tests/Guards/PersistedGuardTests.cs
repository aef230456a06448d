using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Limits;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Guards;

/// <summary>A guard over an <see cref="ILockoutGuardStore"/>: its failures and halt outlive the guard (the process).</summary>
public sealed class PersistedGuardTests
{
    private static readonly KrakenError BadSignature = KrakenErrors.FromExchange(KrakenErrors.InvalidSignature);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRateLimitStateStore _shared = new();

    private LockoutGuard Guard() => new("k1", new LockoutGuardOptions(), _time, new StateStoreGuardStore(_shared, "sandbox/k1"));

    [Fact]
    public void OneFailurePerProcess_ThreeProcesses_HaltTheThird_AndEveryLaterOne()
    {
        for (var process = 1; process <= 3; process++)
        {
            var guard = Guard();
            guard.CheckBeforeSend().ShouldBeNull($"process {process} may still send");
            guard.Record(BadSignature);
            guard.State.RecentFailures.ShouldBe(process == 3 ? 3 : process);
        }

        var later = Guard();
        later.CheckBeforeSend().ShouldNotBeNull().Code.ShouldBe(KrakenErrors.LocalKeyHalted);
        _time.Advance(TimeSpan.FromDays(3));
        Guard().CheckBeforeSend().ShouldNotBeNull("a failure halt lasts until an operator clears it");
    }

    [Fact]
    public void FailuresOutsideTheWindow_DoNotCount()
    {
        Guard().Record(BadSignature);
        Guard().Record(BadSignature);
        _time.Advance(TimeSpan.FromMinutes(11));
        var guard = Guard();
        guard.State.RecentFailures.ShouldBe(0);
        guard.Record(BadSignature);
        guard.CheckBeforeSend().ShouldBeNull();
    }

    [Fact]
    public void ExchangeLockout_HaltsEveryLaterProcess_UntilItsEnd()
    {
        Guard().Record(KrakenErrors.FromExchange(KrakenErrors.TemporaryLockout));
        Guard().CheckBeforeSend().ShouldNotBeNull().RetryAfter.ShouldBe(TimeSpan.FromMinutes(15));
        _time.Advance(TimeSpan.FromMinutes(15));
        Guard().CheckBeforeSend().ShouldBeNull();
    }

    [Fact]
    public void Reset_ClearsTheStoredRecord_ClearNotesWhoAndWhat()
    {
        for (var i = 0; i < 3; i++)
        {
            Guard().Record(BadSignature);
        }

        var store = new StateStoreGuardStore(_shared, "sandbox/k1");
        var before = store.Clear("alice", _time.GetUtcNow());
        before.Halted.ShouldBeTrue();
        Guard().CheckBeforeSend().ShouldBeNull();
        store.LastClear().ShouldNotBeNull().By.ShouldBe("alice");
        store.LastClear()!.Reason.ShouldBe(before.Reason);

        var guard = Guard();
        guard.Record(BadSignature);
        guard.Reset();
        Guard().State.RecentFailures.ShouldBe(0, "Reset clears the store too");
        store.LastClear().ShouldNotBeNull("the last operator clear is kept").By.ShouldBe("alice");
    }

    [Fact]
    public void OtherKeysAndEnvironments_AreSeparate()
    {
        for (var i = 0; i < 3; i++)
        {
            Guard().Record(BadSignature);
        }

        new LockoutGuard("k1", new LockoutGuardOptions(), _time, new StateStoreGuardStore(_shared, "production/k1")).CheckBeforeSend().ShouldBeNull();
        new LockoutGuard("k2", new LockoutGuardOptions(), _time, new StateStoreGuardStore(_shared, "sandbox/k2")).CheckBeforeSend().ShouldBeNull();
    }

    [Fact]
    public void Merge_KeepsEveryFailureAndTheLongestHalt_InAnyOrder() =>
        Gen.Select(Gen.Int[0, 3600].Array[0, 6], Gen.Int[0, 3600].Array[0, 6], Gen.Int[0, 2], Gen.Int[0, 2])
            .Sample((a, b, haltA, haltB) =>
            {
                var origin = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                LockoutGuardRecord Record(int[] seconds, int halt) => new(
                    [.. seconds.Select(s => origin.AddSeconds(s))], halt > 0, halt > 0 ? "why" : null, halt == 1 ? origin.AddHours(1) : null);
                var ab = StateStoreGuardStore.GuardState.Empty.Merge(Record(a, haltA)).Merge(Record(b, haltB));
                var ba = StateStoreGuardStore.GuardState.Empty.Merge(Record(b, haltB)).Merge(Record(a, haltA));
                ab.Failures.ShouldBe(ba.Failures);
                ab.Failures.ShouldBe([.. a.Concat(b).Order().Select(s => origin.AddSeconds(s))]);
                ab.Halted.ShouldBe(haltA > 0 || haltB > 0);
                ab.HaltedUntil.ShouldBe(ba.HaltedUntil);
                if (haltA == 2 || haltB == 2)
                {
                    ab.HaltedUntil.ShouldBeNull("an open-ended halt beats a timed one");
                }
            });
}
