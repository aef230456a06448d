namespace Bulkhead.Sandbox.Auth;

/// <summary>
/// Why the authentication pipeline refused a request, venue-neutral. <see cref="AuthWireErrors"/> maps each to the
/// venue's wire string. Listed in pipeline order.
/// </summary>
public enum AuthFailure
{
    /// <summary>No such key, a revoked key, or a key of the other venue.</summary>
    InvalidKey = 1,

    /// <summary>The caller's address is not in the key's IP allowlist.</summary>
    IpNotAllowed,

    /// <summary>The key is locked out after too many failures.</summary>
    LockedOut,

    /// <summary>The key's expiry date has passed.</summary>
    KeyExpired,

    /// <summary>The signature does not match (or is not base64 of 64 bytes, or is missing).</summary>
    InvalidSignature,

    /// <summary>The nonce is missing, not an integer, or out of range (Spot: required).</summary>
    NonceMalformed,

    /// <summary>The nonce is at or below the high-water mark and outside the key's nonce window.</summary>
    NonceBelowThreshold,

    /// <summary>The nonce is inside the nonce window but was used before (or equals the high-water mark).</summary>
    NonceDuplicate,

    /// <summary>The key lacks the permission the endpoint needs (or the endpoint needs a master account's key).</summary>
    PermissionDenied,

    /// <summary>The rate counter (Spot REST: the key's; Futures: the account's) would go over its maximum; nothing was booked.</summary>
    RateLimited,
}
