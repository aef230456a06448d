namespace Bulkhead.Benchmarks.Sockets;

/// <summary>
/// Real time until <see cref="Accelerate"/>, then <c>factor</c> times faster from that instant on (monotonic): set-up runs
/// at real speed (a WebSocket token lives 900 s unused), the measured part on a fast clock so the sandbox's rate counters
/// decay fast enough never to refuse a benchmark call.
/// </summary>
internal sealed class SwitchableClock : TimeProvider
{
    private readonly DateTimeOffset _start = System.GetUtcNow();
    private readonly long _startTimestamp = System.GetTimestamp();
    private long _switchTimestamp = long.MaxValue;
    private long _factor = 1;

    /// <summary>From now on, time runs <paramref name="factor"/> times faster.</summary>
    public void Accelerate(long factor)
    {
        Interlocked.Exchange(ref _switchTimestamp, System.GetTimestamp());
        Interlocked.Exchange(ref _factor, factor);
    }

    public override DateTimeOffset GetUtcNow() => _start + Elapsed();

    private TimeSpan Elapsed()
    {
        var now = System.GetTimestamp();
        var at = Interlocked.Read(ref _switchTimestamp);
        return now <= at
            ? System.GetElapsedTime(_startTimestamp, now)
            : System.GetElapsedTime(_startTimestamp, at) + (System.GetElapsedTime(at, now) * Interlocked.Read(ref _factor));
    }
}
