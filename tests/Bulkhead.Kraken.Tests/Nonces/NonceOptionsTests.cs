using Bulkhead.Kraken.Nonces;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Nonces;

public sealed class NonceOptionsTests
{
    [Fact]
    public void Defaults_AreMicrosecondsAndThirtySeconds()
    {
        var options = new NonceOptions();

        options.Unit.ShouldBe(NonceUnit.Microseconds);
        options.ReserveAhead.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(864_000_000_001)]
    public void NonceSource_ReserveAheadOutOfRange_ThrowsPinnedMessage(long ticks)
    {
        var options = new NonceOptions { ReserveAhead = TimeSpan.FromTicks(ticks) };

        var ex = Should.Throw<ArgumentOutOfRangeException>(() => NonceSource.InMemory("KEY-0123456789", options, new FakeTimeProvider()));

        ex.ParamName.ShouldBe("ReserveAhead");
        ex.Message.ShouldStartWith("The field ReserveAhead must be between 1 millisecond and 1 day.");
    }

    [Fact]
    public void NonceSource_UndefinedUnit_ThrowsPinnedMessage()
    {
        var options = new NonceOptions { Unit = (NonceUnit)7 };

        var ex = Should.Throw<ArgumentOutOfRangeException>(() => NonceSource.InMemory("KEY-0123456789", options, new FakeTimeProvider()));

        ex.ParamName.ShouldBe("Unit");
        ex.Message.ShouldStartWith("The field Unit must be Milliseconds or Microseconds.");
    }

    [Fact]
    public void NonceSource_OptionsChangedAfterConstruction_KeepsCopy()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new NonceOptions { Unit = NonceUnit.Milliseconds };
        using var source = NonceSource.InMemory("KEY-0123456789", options, time);

        options.Unit = NonceUnit.Microseconds;

        source.Unit.ShouldBe(NonceUnit.Milliseconds);
        source.Next().ShouldBe(time.GetUtcNow().ToUnixTimeMilliseconds());
    }
}
