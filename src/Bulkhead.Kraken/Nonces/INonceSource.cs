namespace Bulkhead.Kraken.Nonces;

/// <summary>
/// The nonce sequence of one API key. <see cref="Next"/> is strictly increasing across threads, process restarts and
/// backwards clock steps: a nonce is <c>max(persisted high-water + 1, clock)</c>, never the clock alone.
/// </summary>
public interface INonceSource
{
    /// <summary>The next nonce for the key; greater than every nonce this source or a previous holder of the key returned.</summary>
    long Next();

    /// <summary>Which process holds the key's nonce sequence, and since when.</summary>
    NonceSequenceHolder Holder { get; }
}
