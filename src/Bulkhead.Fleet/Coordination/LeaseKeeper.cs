namespace Bulkhead.Fleet.Coordination;

/// <summary>
/// Keeps a granted lease alive: renews it every ttl/3 on the <see cref="TimeProvider"/>'s timer and reports its loss —
/// fenced out by a takeover, or <b>self-fenced</b>: no renewal succeeded within ttl/2 of the start of the last successful
/// one (the store unreachable, or a renewal hanging) — by cancelling <see cref="Lost"/> and raising <see cref="LeaseLost"/>
/// once. The self-fence fires on its own timer, so a renewal stuck in the network cannot delay it; it leaves the holder
/// at least ttl/2 of its own clock before any successor may take the lease (docs/fleet-coordination.md, "Self-fencing").
/// Disposing stops renewing and releases the lease. Thread-safe.
/// </summary>
public sealed class LeaseKeeper : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ICoordinationStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly CancellationTokenSource _lost = new();
    private readonly ITimer _timer;
    private readonly ITimer _fence;
    private bool _stopped;
    private int _renewing;

    /// <summary>Starts keeping <paramref name="lease"/>.</summary>
    /// <param name="store">The store that granted it.</param>
    /// <param name="lease">The lease.</param>
    /// <param name="ttl">The time-to-live of every renewal (normally the one it was granted with).</param>
    /// <param name="time">The clock and timer.</param>
    public LeaseKeeper(ICoordinationStore store, Lease lease, TimeSpan ttl, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        _store = store;
        _time = time;
        _ttl = ttl;
        Lease = lease;
        FenceAfter = ttl / 2;

        // The grant was written at most now: fencing half a ttl from now is at or before half a ttl ahead of its expiry.
        _fence = time.CreateTimer(_ => Fence(), null, FenceAfter, Timeout.InfiniteTimeSpan);
        var period = ttl / 3;
        _timer = time.CreateTimer(_ => Renew(), null, period, period);
    }

    /// <summary>How long after the start of the last successful renewal (or the grant) the holder fences itself: ttl/2.</summary>
    public TimeSpan FenceAfter { get; }

    /// <summary>The kept lease.</summary>
    public Lease Lease { get; }

    /// <summary>Cancelled when the lease is lost.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Whether the lease is lost.</summary>
    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Raised once, from the timer, when the lease is lost; the argument says why.</summary>
    public event EventHandler<string>? LeaseLost;

    /// <summary>
    /// Renews now (the timer does this every ttl/3); false when the lease is lost. A failed renewal is retried at the next
    /// tick; the self-fence (ttl/2 after the last success) decides when failures become a loss. While one renewal is still
    /// in flight, another call returns at once.
    /// </summary>
    public bool Renew()
    {
        if (Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return !IsLost;
        }

        string? reason = null;
        try
        {
            lock (_gate)
            {
                if (_stopped || IsLost)
                {
                    return !IsLost;
                }
            }

            var attempt = _time.GetTimestamp();
            try
            {
                if (_store.Renew(Lease, _ttl))
                {
                    lock (_gate)
                    {
                        if (!_stopped && !IsLost)
                        {
                            // Counted from before the call: the stored expiry is at least attempt + ttl.
                            var remaining = FenceAfter - _time.GetElapsedTime(attempt);
                            _fence.Change(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
                        }
                    }

                    return !IsLost;
                }

                reason = $"the lease on key {Lease.KeyName} was taken over (fencing token {Lease.FencingToken} is no longer current)";
            }
#pragma warning disable CA1031 // Any store failure is retried at the next tick; only the self-fence makes it a loss.
            catch (Exception)
#pragma warning restore CA1031
            {
                return !IsLost;
            }
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }

        Lose(reason);
        return false;
    }

    private void Fence() =>
        Lose($"self-fenced: the lease on key {Lease.KeyName} could not be renewed within {FenceAfter.TotalSeconds:0.###} s (half its time); stopped signing before it can expire");

    private void Lose(string reason)
    {
        lock (_gate)
        {
            if (_stopped || IsLost)
            {
                return;
            }

            _lost.Cancel();
        }

        LeaseLost?.Invoke(this, reason);
    }

    /// <summary>Stops renewing and releases the lease (if still held).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        _timer.Dispose();
        _fence.Dispose();
        if (!IsLost)
        {
            try
            {
                _store.Release(Lease);
            }
#pragma warning disable CA1031 // Releasing is a courtesy: an unreleased lease expires.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        _lost.Dispose();
    }
}
