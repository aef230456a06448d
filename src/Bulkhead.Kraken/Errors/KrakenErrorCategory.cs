namespace Bulkhead.Kraken.Errors;

/// <summary>What kind of failure a <see cref="KrakenError"/> is, and so what a caller may do about it.</summary>
public enum KrakenErrorCategory
{
    /// <summary>Not classified: an error string the catalogue does not know. The wire text is kept verbatim.</summary>
    Unknown = 0,

    /// <summary>The request could not be authenticated (bad key, signature or nonce). Counts toward Kraken's lockout: never retry.</summary>
    Authentication,

    /// <summary>The key is locked out by the exchange, or halted locally by the lockout guard. Never retry before the stated time.</summary>
    Lockout,

    /// <summary>A rate limit was hit (exchange) or would be hit (local budget). Retry after the stated delay.</summary>
    RateLimit,

    /// <summary>The key lacks the permission the endpoint needs.</summary>
    Permission,

    /// <summary>The request itself is wrong: unknown pair, bad argument, unknown order.</summary>
    InvalidInput,

    /// <summary>Not enough funds or margin.</summary>
    Funds,

    /// <summary>The exchange or the path to it failed in a way that may pass: unavailable, busy, timeout, gateway error.</summary>
    Transient,

    /// <summary>The answer could not be understood: not JSON, truncated, or an HTML page from a proxy.</summary>
    Protocol,
}
