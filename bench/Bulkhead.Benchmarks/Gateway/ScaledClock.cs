namespace Bulkhead.Benchmarks.Gateway;

/// <summary>
/// Real time sped up <c>factor</c> times, timers included (a timer due in <c>factor</c> seconds of this clock fires after
/// one real second): the gateway's session renews its lease and times out its calls on this clock, so both are given in
/// its time.
/// </summary>
internal sealed class ScaledClock(long factor) : TimeProvider
{
    private readonly DateTimeOffset _start = System.GetUtcNow();
    private readonly long _startTimestamp = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _start + System.GetElapsedTime(_startTimestamp) * factor;

    public override long GetTimestamp() => _startTimestamp + ((System.GetTimestamp() - _startTimestamp) * factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / factor;
}
