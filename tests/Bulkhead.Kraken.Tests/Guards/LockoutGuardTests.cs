using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Guards;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Guards;

public sealed class LockoutGuardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private LockoutGuard Guard(int max = 3, TimeSpan? window = null, TimeSpan? haltFor = null) =>
        new("ABCD…WXYZ", new LockoutGuardOptions { MaxAuthenticationFailures = max, Window = window ?? TimeSpan.FromMinutes(10), FailureHaltDuration = haltFor }, _time);

    [Fact]
    public void CheckBeforeSend_Fresh_AllowsSending()
    {
        Guard().CheckBeforeSend().ShouldBeNull();
    }

    [Fact]
    public void Record_FailuresBelowThreshold_StillAllows()
    {
        var guard = Guard(max: 3);
        guard.Record(KrakenErrors.FromExchange(KrakenErrors.InvalidSignature));
        guard.Record(KrakenErrors.FromExchange(KrakenErrors.InvalidNonce));

        guard.CheckBeforeSend().ShouldBeNull();
        guard.State.RecentFailures.ShouldBe(2);
    }

    [Theory]
    [InlineData(KrakenErrors.InvalidKey)]
    [InlineData(KrakenErrors.InvalidSignature)]
    [InlineData(KrakenErrors.InvalidNonce)]
    [InlineData(KrakenErrors.FuturesAuthenticationError)]
    [InlineData(KrakenErrors.FuturesNonceBelowThreshold)]
    [InlineData(KrakenErrors.FuturesNonceDuplicate)]
    public void Record_ThresholdReached_HaltsUntilResetWithReasonAndHowToReset(string wire)
    {
        var guard = Guard(max: 3);
        for (var i = 0; i < 3; i++)
        {
            guard.Record(KrakenErrors.FromExchange(wire));
        }

        var refusal = guard.CheckBeforeSend().ShouldNotBeNull();
        refusal.Code.ShouldBe(KrakenErrors.LocalKeyHalted);
        refusal.Origin.ShouldBe(KrakenErrorOrigin.Local);
        refusal.Category.ShouldBe(KrakenErrorCategory.Lockout);
        refusal.Message.ShouldContain("ABCD…WXYZ");
        refusal.Message.ShouldContain("3 authentication failures");
        refusal.Message.ShouldContain(wire);
        refusal.Message.ShouldContain("reset");
        refusal.RetryAfter.ShouldBeNull();

        _time.Advance(TimeSpan.FromDays(2));
        guard.CheckBeforeSend().ShouldNotBeNull("a wrong secret does not fix itself: the halt lasts until reset");

        guard.Reset();
        guard.CheckBeforeSend().ShouldBeNull();
        guard.State.ShouldBe(new LockoutGuardState(false, null, null, 0));
    }

    [Fact]
    public void Record_FailuresSpreadBeyondWindow_DoNotAccumulate()
    {
        var guard = Guard(max: 3, window: TimeSpan.FromMinutes(10));
        guard.Record(KrakenErrors.FromExchange(KrakenErrors.InvalidSignature));
        _time.Advance(TimeSpan.FromMinutes(6));
        guard.Record(KrakenErrors.FromExchange(KrakenErrors.InvalidSignature));
        _time.Advance(TimeSpan.FromMinutes(6));
        guard.Record(KrakenErrors.FromExchange(KrakenErrors.InvalidSignature));

        guard.CheckBeforeSend().ShouldBeNull();
        guard.State.RecentFailures.ShouldBe(2);
    }

    [Fact]
    public void Record_WithHaltDuration_HaltEndsByItself()
    {
        var guard = Guard(max: 1, haltFor: TimeSpan.FromMinutes(5));
        guard.Record(KrakenErrors.FromExchange(KrakenErrors.InvalidNonce));

        guard.CheckBeforeSend().ShouldNotBeNull().RetryAfter.ShouldBe(TimeSpan.FromMinutes(5));
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        guard.CheckBeforeSend().ShouldNotBeNull();
        _time.Advance(TimeSpan.FromTicks(1));
        guard.CheckBeforeSend().ShouldBeNull();
        guard.State.RecentFailures.ShouldBe(0);
    }

    [Fact]
    public void Record_TemporaryLockout_HaltsForFifteenMinutesThenAllows()
    {
        var guard = Guard();
        guard.Record(KrakenErrors.FromExchange(KrakenErrors.TemporaryLockout));

        var refusal = guard.CheckBeforeSend().ShouldNotBeNull();
        refusal.RetryAfter.ShouldBe(TimeSpan.FromMinutes(15));
        refusal.Message.ShouldContain(KrakenErrors.TemporaryLockout);

        _time.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59));
        guard.CheckBeforeSend().ShouldNotBeNull().RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        guard.CheckBeforeSend().ShouldBeNull();
    }

    [Theory]
    [InlineData(KrakenErrors.RateLimitExceeded)]
    [InlineData(KrakenErrors.PermissionDenied)]
    [InlineData(KrakenErrors.InsufficientFunds)]
    [InlineData(KrakenErrors.ServiceUnavailable)]
    [InlineData("EWeird:Something new")]
    public void Record_NonAuthenticationErrors_NeverHalt(string wire)
    {
        var guard = Guard(max: 1);
        for (var i = 0; i < 10; i++)
        {
            guard.Record(KrakenErrors.FromExchange(wire));
        }

        guard.CheckBeforeSend().ShouldBeNull();
    }

    [Fact]
    public void Record_LocalAndTransportFailures_DoNotCount()
    {
        var guard = Guard(max: 1);
        guard.Record(KrakenErrors.InvalidCredentials("the API secret is empty"));
        guard.Record(KrakenErrors.HttpStatus(401, "from a proxy"));
        guard.Record(KrakenErrors.Timeout(TimeSpan.FromSeconds(1)));
        guard.Record(null);

        guard.CheckBeforeSend().ShouldBeNull();
    }

    [Fact]
    public void Record_ManyThreads_HaltsExactlyOnceAndNeverThrows()
    {
        var guard = Guard(max: 5);
        Parallel.For(0, 1000, _ => guard.Record(KrakenErrors.FromExchange(KrakenErrors.InvalidSignature)));

        guard.State.Halted.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0, "The field MaxAuthenticationFailures must be between 1 and 100.")]
    [InlineData(101, "The field MaxAuthenticationFailures must be between 1 and 100.")]
    public void Constructor_InvalidThreshold_ThrowsWithFieldMessage(int max, string message)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => Guard(max: max));
        ex.Message.ShouldStartWith(message);
    }

    [Fact]
    public void Constructor_OptionsCopied_LaterChangesDoNotApply()
    {
        var options = new LockoutGuardOptions { MaxAuthenticationFailures = 1 };
        var guard = new LockoutGuard("key", options, _time);
        options.MaxAuthenticationFailures = 50;

        guard.Record(KrakenErrors.FromExchange(KrakenErrors.InvalidKey));
        guard.CheckBeforeSend().ShouldNotBeNull();
    }
}
