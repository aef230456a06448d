using Bulkhead.Fleet.Hosts;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Hosts;

/// <summary>The process leases and host heartbeats (<see cref="HostLeases"/>), run on both backends; two instances play two hosts.</summary>
public abstract class HostLeasesContract
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(6);
    private static readonly string[] Preference = ["a", "b"];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The coordination store's specification (<c>sqlite:…</c> or <c>postgres:…</c>).</summary>
    protected abstract string Specification { get; }

    [Fact]
    public void Claim_GoesToTheFirstLiveHostOfThePreference_AndIsHeldAgainstTheOthers()
    {
        using var a = HostLeases.Open(Specification, _time);
        using var b = HostLeases.Open(Specification, _time);
        a.Beat("a", 1, Ttl);
        b.Beat("b", 2, Ttl);

        var refused = b.TryClaim("mm-trader", "b", Preference, Ttl);
        refused.Granted.ShouldBeFalse();
        refused.Owner.ShouldBe("a");
        refused.HeldUntil.ShouldBeNull();

        var granted = a.TryClaim("mm-trader", "a", Preference, Ttl);
        granted.Granted.ShouldBeTrue();
        granted.Lease.FencingToken.ShouldBe(1);
        granted.Lease.ExpiresAt.ShouldBe(_time.GetUtcNow() + Ttl);

        var held = b.TryClaim("mm-trader", "b", Preference, Ttl);
        held.Owner.ShouldBe("a");
        held.HeldUntil.ShouldBe(granted.Lease.ExpiresAt);
        b.Owners().Single().ShouldBe(new ProcessOwner("mm-trader", "a", 1, granted.Lease.ExpiresAt));
    }

    [Fact]
    public void Standby_TakesOverOnlyOnceTheLeaseLapsed_AndTheOldHolderIsFencedOut()
    {
        using var a = HostLeases.Open(Specification, _time);
        using var b = HostLeases.Open(Specification, _time);
        a.Beat("a", 1, Ttl);
        var first = a.TryClaim("mm-trader", "a", Preference, Ttl).Lease!;
        b.Beat("b", 2, Ttl);

        _time.Advance(Ttl - TimeSpan.FromMilliseconds(1));
        b.Beat("b", 2, Ttl);
        b.TryClaim("mm-trader", "b", Preference, Ttl).Granted.ShouldBeFalse("a's lease has not lapsed");

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var second = b.TryClaim("mm-trader", "b", Preference, Ttl);
        second.Granted.ShouldBeTrue("a's lease lapsed and a beats no more");
        second.Lease.FencingToken.ShouldBe(first.FencingToken + 1);

        a.Renew(first, Preference, Ttl, TimeSpan.Zero).Held.ShouldBeFalse("a was fenced out");
        a.Release(first);
        b.Owners().Single().Host.ShouldBe("b", "a stale release changes nothing");
    }

    [Fact]
    public void Renew_AsksForAHandBack_OnlyOnceThePreferredHostWasUpForTheDelay_ThenReleaseLetsItClaim()
    {
        var handBack = TimeSpan.FromSeconds(20);
        using var a = HostLeases.Open(Specification, _time);
        using var b = HostLeases.Open(Specification, _time);
        b.Beat("b", 2, Ttl);
        var lease = b.TryClaim("mm-trader", "b", Preference, Ttl).Lease!;

        a.Beat("a", 1, Ttl);
        a.TryClaim("mm-trader", "a", Preference, Ttl).Owner.ShouldBe("b", "a preferred host does not take a held process");
        for (var elapsed = TimeSpan.Zero; elapsed < handBack; elapsed += Ttl / 3)
        {
            b.Renew(lease, Preference, Ttl, handBack).ShouldBe(new ProcessRenewal(true, null));
            _time.Advance(Ttl / 3);
            a.Beat("a", 1, Ttl);
            b.Beat("b", 2, Ttl);
        }

        b.Renew(lease, Preference, Ttl, handBack).ShouldBe(new ProcessRenewal(true, "a"));
        b.Release(lease);
        b.TryClaim("mm-trader", "b", Preference, Ttl).Owner.ShouldBe("a", "the standby leaves a released process to the live preferred host");
        var back = a.TryClaim("mm-trader", "a", Preference, Ttl);
        back.Granted.ShouldBeTrue();
        back.Lease.FencingToken.ShouldBe(lease.FencingToken + 1);
    }

    [Fact]
    public void Beat_KeepsTheRunWhileFresh_AndAGapLongerThanTheLeaseTimeStartsANewOne()
    {
        using var a = HostLeases.Open(Specification, _time);
        var started = a.Beat("a", 1, Ttl).UpSince;
        _time.Advance(Ttl / 2);
        a.Beat("a", 1, Ttl).UpSince.ShouldBe(started);

        _time.Advance(Ttl);
        var restarted = a.Beat("a", 7, Ttl);
        restarted.UpSince.ShouldBe(_time.GetUtcNow());
        a.Hosts().Single().ShouldBe(restarted);
        restarted.IsFresh(_time.GetUtcNow() + Ttl - TimeSpan.FromTicks(10), Ttl).ShouldBeTrue();
        restarted.IsFresh(_time.GetUtcNow() + Ttl, Ttl).ShouldBeFalse();
    }
}
