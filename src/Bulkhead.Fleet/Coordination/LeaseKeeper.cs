namespace Bulkhead.Fleet.Coordination;

/// <summary>
/// Keeps a granted lease alive: renews it every ttl/3 on the <see cref="TimeProvider"/>'s timer and reports its loss —
/// fenced out by a takeover, or unrenewable (store unreachable) until it expired — by cancelling <see cref="Lost"/>
/// and raising <see cref="LeaseLost"/> once. Disposing stops renewing and releases the lease. Thread-safe.
/// </summary>
public sealed class LeaseKeeper : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ICoordinationStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly CancellationTokenSource _lost = new();
    private readonly ITimer _timer;
    private DateTimeOffset _expiresAt;
    private bool _stopped;

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
        _expiresAt = lease.ExpiresAt;
        var period = ttl / 3;
        _timer = time.CreateTimer(_ => Renew(), null, period, period);
    }

    /// <summary>The kept lease.</summary>
    public Lease Lease { get; }

    /// <summary>Cancelled when the lease is lost.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Whether the lease is lost.</summary>
    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Raised once, from the timer, when the lease is lost; the argument says why.</summary>
    public event EventHandler<string>? LeaseLost;

    /// <summary>Renews now (the timer does this every ttl/3); false when the lease is lost.</summary>
    public bool Renew()
    {
        string? reason = null;
        lock (_gate)
        {
            if (_stopped || IsLost)
            {
                return !IsLost;
            }

            var attempt = _time.GetUtcNow();
            try
            {
                if (_store.Renew(Lease, _ttl))
                {
                    _expiresAt = attempt + _ttl;
                    return true;
                }

                reason = $"the lease on key {Lease.KeyName} was taken over (fencing token {Lease.FencingToken} is no longer current)";
            }
#pragma warning disable CA1031 // Any store failure is retried at the next tick; only expiry makes it a loss.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (attempt < _expiresAt)
                {
                    return true;
                }

                reason = $"the lease on key {Lease.KeyName} expired while the store could not be reached ({ex.GetType().Name}: {ex.Message})";
            }
        }

        _lost.Cancel();
        LeaseLost?.Invoke(this, reason);
        return false;
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
