namespace Bulkhead.Kraken.Nonces;

/// <summary>
/// Persists the high-water mark of ONE key's nonce sequence: a value at or above every nonce ever handed out for the
/// key. A store holds its key exclusively for its lifetime; disposing it releases the key.
/// Implementations: <see cref="FileNonceStore"/> (survives restarts), <see cref="InMemoryNonceStore"/> (does not).
/// </summary>
public interface INonceStore : IDisposable
{
    /// <summary>The reserved high-water mark; 0 when the key has never been used with this store.</summary>
    long ReadReserved();

    /// <summary>
    /// Durably records a new reserved mark before any nonce up to it is handed out. Returns only once the value would
    /// survive a crash. Values only go up: a lower value than the current mark is a bug and throws.
    /// </summary>
    void WriteReserved(long value);

    /// <summary>The process holding this key's sequence (this one, since the store was opened).</summary>
    NonceSequenceHolder Holder { get; }
}
