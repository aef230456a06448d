using System.Diagnostics.CodeAnalysis;
using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Keys;

namespace Bulkhead.Sandbox.Auth;

/// <summary>The pipeline's answer: the authenticated key and its account, or a refusal with the venue's wire string.</summary>
public readonly struct AuthOutcome
{
    private AuthOutcome(SandboxApiKey? key, SandboxAccount? account, AuthFailure? failure, string? wireError, TimeSpan retryAfter, long? nonce = null)
    {
        Key = key;
        Nonce = nonce;
        Account = account;
        Failure = failure;
        WireError = wireError;
        RetryAfter = retryAfter;
    }

    /// <summary>The key, on success.</summary>
    public SandboxApiKey? Key { get; }

    /// <summary>The key's account, on success.</summary>
    public SandboxAccount? Account { get; }

    /// <summary>The nonce the request spent, on success (null when it carried none: a Futures call without a <c>Nonce</c> header).</summary>
    public long? Nonce { get; }

    /// <summary>Why it was refused.</summary>
    public AuthFailure? Failure { get; }

    /// <summary>The venue's error string for <see cref="Failure"/> (e.g. <c>EAPI:Invalid nonce</c>, <c>nonceDuplicate</c>).</summary>
    public string? WireError { get; }

    /// <summary>For <see cref="AuthFailure.RateLimited"/> and <see cref="AuthFailure.LockedOut"/>: when a retry could pass.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>True when the request may proceed to the endpoint.</summary>
    [MemberNotNullWhen(true, nameof(Key), nameof(Account))]
    [MemberNotNullWhen(false, nameof(Failure), nameof(WireError))]
    public bool Success => Failure is null;

    internal static AuthOutcome Ok(SandboxApiKey key, SandboxAccount account, long? nonce) => new(key, account, null, null, TimeSpan.Zero, nonce);

    internal static AuthOutcome Fail(AuthVenue venue, AuthFailure failure, TimeSpan retryAfter = default) =>
        new(null, null, failure, AuthWireErrors.For(venue, failure), retryAfter);
}
