using Bulkhead.Sandbox.Market;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Market;

public sealed class TradeTapeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_Trades_NumberedPerBookFromOne()
    {
        var tape = new TradeTape();
        tape.Add("A", T0, 10m, 1m, true, false).Id.ShouldBe(1);
        tape.Add("B", T0, 10m, 1m, true, false).Id.ShouldBe(1);
        tape.Add("A", T0, 11m, 1m, false, true).Id.ShouldBe(2);
        tape.Last("A")!.Value.Price.ShouldBe(11m);
        tape.Last("C").ShouldBeNull();
    }

    [Fact]
    public void Add_EarlierTime_RaisedToTheLastOne()
    {
        var tape = new TradeTape();
        tape.Add("A", T0, 10m, 1m, true, false);
        tape.Add("A", T0.AddSeconds(-5), 10m, 1m, true, false).Time.ShouldBe(T0);
    }

    [Fact]
    public void Since_WithAndWithoutStart_OldestFirstCapped()
    {
        var tape = Tape(10);
        tape.Since("A", null, 3).Select(t => t.Id).ShouldBe([8L, 9L, 10L]);
        tape.Since("A", T0.AddSeconds(4), 3).Select(t => t.Id).ShouldBe([6L, 7L, 8L]);
        tape.Since("A", T0.AddSeconds(100), 3).ShouldBeEmpty();
        tape.Since("unknown", null, 3).ShouldBeEmpty();
    }

    [Fact]
    public void Before_LastTime_NewestFirst()
    {
        var tape = Tape(10);
        tape.Before("A", T0.AddSeconds(4), 2).Select(t => t.Id).ShouldBe([5L, 4L]);
        tape.Before("A", null, 100).Count.ShouldBe(10);
    }

    [Fact]
    public void Stats_Window_VolumeVwapCountLowHighOpen()
    {
        var tape = new TradeTape();
        tape.Add("A", T0, 10m, 1m, true, false);
        tape.Add("A", T0.AddMinutes(1), 20m, 3m, false, false);
        tape.Add("A", T0.AddMinutes(2), 5m, 1m, true, true);
        var stats = tape.Stats("A", T0.AddSeconds(30), T0.AddMinutes(5));
        stats.ShouldBe(new TradeStats(4m, 65m / 4m, 2, 5m, 20m, 20m, 65m));
        tape.Stats("A", T0.AddHours(1), T0.AddHours(2)).ShouldBe(default);
    }

    [Fact]
    public void Candles_GapsCarryThePreviousCloseAndAreAligned()
    {
        var tape = new TradeTape();
        tape.Add("A", T0.AddSeconds(10), 10m, 1m, true, false);
        tape.Add("A", T0.AddSeconds(50), 12m, 1m, true, false);
        tape.Add("A", T0.AddMinutes(2).AddSeconds(1), 9m, 2m, false, false);
        var candles = tape.Candles("A", TimeSpan.FromMinutes(1), null, T0.AddMinutes(3), 100);
        candles.ShouldBe(
        [
            new Candle(T0, 10m, 12m, 10m, 12m, 11m, 2m, 2),
            new Candle(T0.AddMinutes(1), 12m, 12m, 12m, 12m, 12m, 0m, 0),
            new Candle(T0.AddMinutes(2), 9m, 9m, 9m, 9m, 9m, 2m, 1),
            new Candle(T0.AddMinutes(3), 9m, 9m, 9m, 9m, 9m, 0m, 0),
        ]);
        tape.Candles("A", TimeSpan.FromMinutes(1), null, T0.AddMinutes(3), 2).Select(c => c.Time).ShouldBe([T0.AddMinutes(2), T0.AddMinutes(3)]);
        tape.Candles("A", TimeSpan.FromMinutes(1), T0.AddMinutes(1).AddSeconds(30), T0.AddMinutes(3), 100)[0].Time.ShouldBe(T0.AddMinutes(1));
        tape.Candles("A", TimeSpan.FromHours(1), null, T0.AddMinutes(3), 100).Single().ShouldBe(new Candle(T0, 10m, 12m, 9m, 9m, 10m, 4m, 3));
    }

    [Fact]
    public void Candles_ConsistentWithStats()
    {
        var tape = Tape(500);
        var candles = tape.Candles("A", TimeSpan.FromMinutes(5), null, T0.AddMinutes(60), 1000);
        candles.Sum(c => c.Count).ShouldBe(500);
        candles.Sum(c => c.Volume).ShouldBe(tape.Stats("A", T0, T0.AddHours(1)).Volume);
        candles.Max(c => c.High).ShouldBe(tape.Stats("A", T0, T0.AddHours(1)).High);
    }

    private static TradeTape Tape(int count)
    {
        var tape = new TradeTape();
        for (var i = 0; i < count; i++)
        {
            tape.Add("A", T0.AddSeconds(i), 100m + (i % 7), 0.5m + (i % 3), i % 2 == 0, false);
        }

        return tape;
    }
}
