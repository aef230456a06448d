using Bulkhead.Kraken.Sockets;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>The reconnect schedule's bounds, for every base, cap, attempt and jitter draw.</summary>
public sealed class ReconnectBackoffTests
{
    private static readonly Gen<(TimeSpan Base, TimeSpan Max, int Attempt, double Unit)> Input =
        Gen.Select(Gen.Long[0, TimeSpan.TicksPerSecond * 10], Gen.Long[0, TimeSpan.TicksPerMinute * 5], Gen.Int[0, 200], Gen.Double[0, 0.999999999])
            .Select(x => (TimeSpan.FromTicks(x.Item1), TimeSpan.FromTicks(x.Item1 + x.Item2), x.Item3, x.Item4));

    [Fact]
    public void Delay_AnyAttemptAndDraw_IsBetweenHalfTheCapAndTheCap()
    {
        Input.Sample(x =>
        {
            var exponential = x.Base.Ticks * Math.Pow(2, Math.Min(x.Attempt, 62));
            var cap = TimeSpan.FromTicks((long)Math.Min(x.Max.Ticks, exponential));
            ReconnectBackoff.Cap(x.Base, x.Max, x.Attempt).ShouldBe(cap);
            var delay = ReconnectBackoff.Delay(x.Base, x.Max, x.Attempt, x.Unit);
            delay.ShouldBeGreaterThanOrEqualTo(cap / 2 - TimeSpan.FromTicks(1));
            delay.ShouldBeLessThanOrEqualTo(cap);
            delay.ShouldBeLessThanOrEqualTo(x.Max);
        });
    }

    [Fact]
    public void Cap_GrowingAttempts_NeverShrinksAndReachesTheMaximum()
    {
        Input.Sample(x =>
        {
            var caps = Enumerable.Range(0, 80).Select(a => ReconnectBackoff.Cap(x.Base, x.Max, a)).ToList();
            caps.Zip(caps.Skip(1)).ShouldAllBe(p => p.Second >= p.First);
            if (x.Base > TimeSpan.Zero)
            {
                caps[^1].ShouldBe(x.Max);
            }
        });
    }

    [Fact]
    public void Next_SeededJitter_SpreadsWithinTheBounds()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), new Random(5));
        var delays = Enumerable.Range(0, 1000).Select(_ => backoff.Next(3)).ToList();
        delays.ShouldAllBe(d => d >= TimeSpan.FromMilliseconds(400) && d <= TimeSpan.FromMilliseconds(800));
        delays.Distinct().Count().ShouldBeGreaterThan(500);
        delays.Min().ShouldBeLessThan(TimeSpan.FromMilliseconds(450));
        delays.Max().ShouldBeGreaterThan(TimeSpan.FromMilliseconds(750));
    }
}
