namespace Bulkhead.Sandbox.Faults;

/// <summary>
/// The sandbox's injected faults — the one fault set behind <c>POST /admin/faults</c>: for REST, extra latency before
/// every Kraken-API answer and a share of requests answered <c>EService:Unavailable</c> / <c>Unavailable</c> without
/// touching state; for WebSockets, a delay on every frame sent, a one-shot drop of every connection, a count of order
/// requests whose connection is cut after they commit and before their answer, and a count of <c>book</c> updates sent
/// with a wrong checksum. Thread-safe; readers on hot paths (every frame sent) take no lock.
/// </summary>
public sealed class FaultSettings
{
    /// <summary>Upper bound of <see cref="Latency"/> and <see cref="SocketDelay"/>.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    /// <summary>Upper bound of the counted socket faults (<see cref="DropBeforeAck"/>, <see cref="CorruptBookChecksum"/>).</summary>
    public const int MaxCount = 1000;

    private readonly Lock _gate = new();
    private long _latencyTicks;
    private decimal _unavailableRate;
    private long _socketDelayTicks;
    private int _dropBeforeAck;
    private int _corruptBookChecksum;

    /// <summary>Raised (on the caller of <see cref="Set"/>) when a change asks to drop every open WebSocket connection.</summary>
    public event EventHandler? SocketsDropped;

    /// <summary>Latency added before each Kraken-API REST answer.</summary>
    public TimeSpan Latency => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));

    /// <summary>Share of Kraken-API REST requests, 0 to 1, answered as unavailable.</summary>
    public decimal UnavailableRate
    {
        get { lock (_gate) { return _unavailableRate; } }
    }

    /// <summary>How long every frame the sandbox sends on a WebSocket is held back (per connection, in order).</summary>
    public TimeSpan SocketDelay => TimeSpan.FromTicks(Interlocked.Read(ref _socketDelayTicks));

    /// <summary>How many more WebSocket order requests are executed and then have their connection aborted before the answer.</summary>
    public int DropBeforeAck => Volatile.Read(ref _dropBeforeAck);

    /// <summary>How many more <c>book</c> update frames are sent with a wrong checksum.</summary>
    public int CorruptBookChecksum => Volatile.Read(ref _corruptBookChecksum);

    /// <summary>
    /// Applies <paramref name="change"/>: every given field is validated first (out of range throws and changes nothing),
    /// then set; fields left null keep their value. <see cref="FaultChange.DropSockets"/> raises <see cref="SocketsDropped"/>
    /// after the rest is set.
    /// </summary>
    public void Set(FaultChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.ThrowIfInvalid();
        lock (_gate)
        {
            if (change.Latency is { } latency)
            {
                Interlocked.Exchange(ref _latencyTicks, latency.Ticks);
            }

            if (change.UnavailableRate is { } rate)
            {
                _unavailableRate = rate;
            }

            if (change.SocketDelay is { } delay)
            {
                Interlocked.Exchange(ref _socketDelayTicks, delay.Ticks);
            }

            if (change.DropBeforeAck is { } drops)
            {
                Interlocked.Exchange(ref _dropBeforeAck, drops);
            }

            if (change.CorruptBookChecksum is { } corrupt)
            {
                Interlocked.Exchange(ref _corruptBookChecksum, corrupt);
            }
        }

        if (change.DropSockets)
        {
            SocketsDropped?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Takes one of the remaining <see cref="DropBeforeAck"/>; false when none is left.</summary>
    public bool TryTakeDropBeforeAck() => TryTake(ref _dropBeforeAck);

    /// <summary>Takes one of the remaining <see cref="CorruptBookChecksum"/>; false when none is left.</summary>
    public bool TryTakeCorruptBookChecksum() => TryTake(ref _corruptBookChecksum);

    private static bool TryTake(ref int remaining)
    {
        while (true)
        {
            var left = Volatile.Read(ref remaining);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref remaining, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
