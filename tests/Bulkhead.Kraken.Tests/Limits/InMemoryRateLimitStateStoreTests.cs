using System.Collections.Immutable;
using System.Text.Json;
using Bulkhead.Kraken.Limits;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Limits;

public sealed class InMemoryRateLimitStateStoreTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_FirstTime_SeesNull_ThenSeesStoredState()
    {
        var store = new InMemoryRateLimitStateStore();

        store.Update<DecayingCounterState, bool>("k", s => (new DecayingCounterState(1m, At), s is null)).ShouldBeTrue();
        store.Update<DecayingCounterState, decimal>("k", s => (s!, s!.Level)).ShouldBe(1m);
    }

    [Fact]
    public void Update_KeyHoldingOtherStateType_Throws()
    {
        var store = new InMemoryRateLimitStateStore();
        store.Update<DecayingCounterState, int>("k", _ => (new DecayingCounterState(1m, At), 0));

        Should.Throw<InvalidOperationException>(() => store.Update<TokenBucketState, int>("k", _ => (new TokenBucketState(At), 0)));
    }

    [Fact]
    public void Update_ConcurrentIncrements_AreNotLost()
    {
        var store = new InMemoryRateLimitStateStore();

        Parallel.For(0, 10_000, _ => store.Update<DecayingCounterState, int>("k", s => (new DecayingCounterState((s?.Level ?? 0m) + 1m, At), 0)));

        store.Update<DecayingCounterState, decimal>("k", s => (s!, s!.Level)).ShouldBe(10_000m);
    }

    [Fact]
    public void States_RoundTripThroughSystemTextJson()
    {
        var counter = new DecayingCounterState(12.345m, At);
        var window = new SlidingWindowState([new WindowEntry(At, 10m), new WindowEntry(At.AddSeconds(1), 19m)]);
        var bucket = new TokenBucketState(At.AddMinutes(3));

        JsonSerializer.Deserialize<DecayingCounterState>(JsonSerializer.Serialize(counter)).ShouldBe(counter);
        JsonSerializer.Deserialize<TokenBucketState>(JsonSerializer.Serialize(bucket)).ShouldBe(bucket);
        var windowBack = JsonSerializer.Deserialize<SlidingWindowState>(JsonSerializer.Serialize(window))!;
        windowBack.Entries.ShouldBe(window.Entries);
        windowBack.Entries.ShouldBeOfType<ImmutableArray<WindowEntry>>();
    }
}
