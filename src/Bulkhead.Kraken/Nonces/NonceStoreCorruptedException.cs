using Bulkhead.Kraken.Nonces.Internal;

namespace Bulkhead.Kraken.Nonces;

/// <summary>
/// Thrown when a key's persisted high-water mark exists but cannot be read as a non-negative integer. The store does
/// not guess (treating it as 0 would fall back to the clock and could reuse nonces after a clock step back); an
/// operator must repair the file. An absent file is not corruption: it means a fresh key and reads as 0.
/// </summary>
public sealed class NonceStoreCorruptedException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The unreadable file (named after a hash of the key, never the key).</param>
    /// <param name="problem">What is wrong with it.</param>
    public NonceStoreCorruptedException(string filePath, string problem)
        : base(NonceMessages.Corrupted(filePath, problem))
    {
        FilePath = filePath;
    }

    /// <summary>The unreadable file.</summary>
    public string FilePath { get; }
}
