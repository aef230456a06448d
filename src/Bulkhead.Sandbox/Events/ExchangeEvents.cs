namespace Bulkhead.Sandbox.Events;

/// <summary>The exchange's listeners (copy-on-write: subscribing never blocks a commit in progress). Thread-safe.</summary>
public sealed class ExchangeEvents
{
    private readonly Lock _sync = new();
    private IExchangeListener[] _listeners = [];
    private long _faults;

    /// <summary>True when someone listens (the exchange skips building events otherwise).</summary>
    public bool HasListeners => Volatile.Read(ref _listeners).Length > 0;

    /// <summary>How many times a listener threw (the commit stood; the listener missed that event).</summary>
    public long ListenerFaults => Interlocked.Read(ref _faults);

    /// <summary>Adds a listener; dispose the answer to remove it.</summary>
    public IDisposable Listen(IExchangeListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_sync)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Subscription(this, listener);
    }

    /// <summary>Hands one commit to every listener, in the order they subscribed.</summary>
    internal void Publish(CommittedChanges changes)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            try
            {
                listener.OnCommitted(changes);
            }
#pragma warning disable CA1031 // The commit already happened: a listener's bug must not turn it into a failed request.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _faults);
            }
        }
    }

    private void Remove(IExchangeListener listener)
    {
        lock (_sync)
        {
            _listeners = [.. _listeners.Where(l => !ReferenceEquals(l, listener))];
        }
    }

    private sealed class Subscription(ExchangeEvents owner, IExchangeListener listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(listener);
            }
        }
    }
}
