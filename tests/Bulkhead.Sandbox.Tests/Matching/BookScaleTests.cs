using Bulkhead.Sandbox.Matching;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Matching;

public sealed class BookScaleTests
{
    private static readonly BookScale XbtUsd = new(0.1m, 8);

    [Fact]
    public void ToTicks_OnTick_Converts()
    {
        XbtUsd.ToTicks(65432.1m).ShouldBe(654321);
        XbtUsd.ToPrice(654321).ShouldBe(65432.1m);
        new BookScale(0.0001m, 0).ToTicks(0.1234m).ShouldBe(1234);
        new BookScale(5m, 0).ToTicks(25m).ShouldBe(5);
    }

    [Fact]
    public void ToLots_Converts()
    {
        XbtUsd.ToLots(0.00012345m).ShouldBe(12345);
        XbtUsd.ToQuantity(12345).ShouldBe(0.00012345m);
        XbtUsd.LotSize.ShouldBe(0.00000001m);
        new BookScale(1m, 0).ToLots(7m).ShouldBe(7);
    }

    [Fact]
    public void OffGrid_RefusedAndThrows()
    {
        XbtUsd.IsOnTick(65432.15m).ShouldBeFalse();
        XbtUsd.FitsLots(0.000000001m).ShouldBeFalse();
        new BookScale(5m, 0).IsOnTick(26m).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => XbtUsd.ToTicks(65432.15m));
        Should.Throw<ArgumentException>(() => XbtUsd.ToLots(0.000000001m));
        Should.Throw<ArgumentException>(() => new BookScale(0.00000001m, 0).ToTicks(1_000_000_000_000m));
    }

    [Fact]
    public void InvalidScale_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new BookScale(0m, 8).ToTicks(1m));
        Should.Throw<ArgumentOutOfRangeException>(() => new BookScale(1m, 19).ToLots(1m));
    }

    [Fact]
    public void RoundTrip_AnyTicksAndLots()
    {
        Gen.Select(Gen.Long[-1_000_000_000_000, 1_000_000_000_000], Gen.OneOfConst(0.1m, 0.01m, 0.00001m, 0.5m, 25m), Gen.Int[0, 18])
            .Sample((n, tick, decimals) =>
            {
                var scale = new BookScale(tick, decimals);
                scale.ToTicks(scale.ToPrice(n)).ShouldBe(n);
                scale.IsOnTick(scale.ToPrice(n)).ShouldBeTrue();
                scale.ToLots(scale.ToQuantity(n)).ShouldBe(n);
                scale.FitsLots(scale.ToQuantity(n)).ShouldBeTrue();
            });
    }
}
