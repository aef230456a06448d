using Bulkhead.Kraken.Nonces.Internal;

namespace Bulkhead.Kraken.Nonces;

/// <summary>
/// Thrown when a key's nonce sequence is already held by another process (or another store in this process): two
/// holders would race on the nonce and earn <c>EAPI:Invalid nonce</c>, which counts toward Kraken's key lockout.
/// The message names the holder; it never contains the API key or its secret, only the masked key.
/// </summary>
public sealed class NonceSequenceHeldException : Exception
{
    /// <summary>Creates the exception for a held key.</summary>
    /// <param name="maskedKey">The masked API key.</param>
    /// <param name="holder">The holder, or <see langword="null"/> when it has not yet recorded itself.</param>
    public NonceSequenceHeldException(string maskedKey, NonceSequenceHolder? holder)
        : base(NonceMessages.Held(maskedKey, holder))
    {
        MaskedKey = maskedKey;
        Holder = holder;
    }

    /// <summary>The masked API key.</summary>
    public string MaskedKey { get; }

    /// <summary>
    /// The process holding the sequence, as it recorded itself; <see langword="null"/> in the instant between its taking
    /// the lock and writing its record, or if the record is unreadable.
    /// </summary>
    public NonceSequenceHolder? Holder { get; }
}
