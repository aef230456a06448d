namespace Bulkhead.Kraken.Nonces;

/// <summary>
/// How many nonce units one millisecond of clock is worth. Kraken accepts any unit as long as one key only ever sees
/// one: once a key has seen a finer unit, every coarser nonce is below its high-water mark and fails for good
/// (shared/kraken/spot.md §2).
/// </summary>
public enum NonceUnit
{
    /// <summary>Unix milliseconds: 13-digit nonces, as ccxt sends.</summary>
    Milliseconds = 0,

    /// <summary>Unix microseconds (milliseconds × 1000): 16-digit nonces, as npm <c>kraken-api</c> sends.</summary>
    Microseconds = 1,
}
