using Bulkhead.Kraken.Nonces.Internal;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Kraken.Nonces;

/// <summary>
/// A store that keeps the mark in memory only. It does NOT survive a restart and does NOT keep another process (or
/// another store in this process) off the key: after a restart the sequence starts again from the clock, which is
/// safe only if the clock has not stepped back. For tests, the sandbox and short-lived tools; trading processes use
/// <see cref="FileNonceStore"/>. Thread-safe.
/// </summary>
public sealed class InMemoryNonceStore : INonceStore
{
    private readonly Lock _gate = new();
    private long _reserved;
    private bool _disposed;

    /// <summary>Creates an empty store for one key.</summary>
    /// <param name="apiKey">The public API key; only its masked form is kept.</param>
    /// <param name="time">The clock, for <see cref="NonceSequenceHolder.Since"/>.</param>
    /// <param name="initialReserved">A starting mark, for example the last nonce known to have been used.</param>
    public InMemoryNonceStore(string apiKey, TimeProvider time, long initialReserved = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(initialReserved);
        _reserved = initialReserved;
        Holder = NonceHolders.ForThisProcess(KrakenCredentials.Mask(apiKey), time);
    }

    /// <inheritdoc />
    public NonceSequenceHolder Holder { get; }

    /// <inheritdoc />
    public long ReadReserved()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _reserved;
        }
    }

    /// <inheritdoc />
    public void WriteReserved(long value)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            NonceHolders.ThrowIfBackwards(value, _reserved);
            _reserved = value;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"InMemoryNonceStore({Holder.MaskedKey})";
}
