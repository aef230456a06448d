using Bulkhead.Kraken.Errors;

namespace Bulkhead.Sandbox.Auth;

/// <summary>
/// The wire string of each <see cref="AuthFailure"/> per venue, from <see cref="KrakenErrors"/>. Choices where Kraken's
/// string is UNCONFIRMED (docs/sandbox.md): IP not allowed → Spot <c>EGeneral:Permission denied</c>; an expired key →
/// <c>EAPI:Invalid key</c> (it is no longer a key); Futures lockout and permission refusals → <c>authenticationError</c>.
/// </summary>
public static class AuthWireErrors
{
    /// <summary>The wire string for <paramref name="failure"/> on <paramref name="venue"/>.</summary>
    public static string For(AuthVenue venue, AuthFailure failure) => venue == AuthVenue.Spot ? Spot(failure) : Futures(failure);

    /// <summary>The Spot string.</summary>
    public static string Spot(AuthFailure failure) => failure switch
    {
        AuthFailure.InvalidKey or AuthFailure.KeyExpired => KrakenErrors.InvalidKey,
        AuthFailure.IpNotAllowed or AuthFailure.PermissionDenied => KrakenErrors.PermissionDenied,
        AuthFailure.LockedOut => KrakenErrors.TemporaryLockout,
        AuthFailure.InvalidSignature => KrakenErrors.InvalidSignature,
        AuthFailure.NonceMalformed or AuthFailure.NonceBelowThreshold or AuthFailure.NonceDuplicate => KrakenErrors.InvalidNonce,
        AuthFailure.RateLimited => KrakenErrors.RateLimitExceeded,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown failure."),
    };

    /// <summary>The Futures string (<c>error</c> field of the classic error shape).</summary>
    public static string Futures(AuthFailure failure) => failure switch
    {
        AuthFailure.InvalidKey or AuthFailure.KeyExpired or AuthFailure.IpNotAllowed or AuthFailure.LockedOut
            or AuthFailure.InvalidSignature or AuthFailure.PermissionDenied => KrakenErrors.FuturesAuthenticationError,
        AuthFailure.NonceMalformed or AuthFailure.NonceBelowThreshold => KrakenErrors.FuturesNonceBelowThreshold,
        AuthFailure.NonceDuplicate => KrakenErrors.FuturesNonceDuplicate,
        AuthFailure.RateLimited => KrakenErrors.FuturesApiLimitExceeded,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown failure."),
    };
}
