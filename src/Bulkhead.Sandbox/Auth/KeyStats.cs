namespace Bulkhead.Sandbox.Auth;

/// <summary>What the sandbox has seen of one key (<c>GET /admin/keys/{key}/stats</c>).</summary>
/// <param name="Requests">Requests that named this key.</param>
/// <param name="Succeeded">Requests that passed authentication, permission and rate checks.</param>
/// <param name="FailuresByKind">Failures by Kraken error string (e.g. <c>EAPI:Invalid nonce</c> → 3).</param>
/// <param name="NonceHighWater">The highest nonce accepted.</param>
/// <param name="LockedUntil">When the key's lockout ends, if it is locked out.</param>
public sealed record KeyStats(long Requests, long Succeeded, IReadOnlyDictionary<string, long> FailuresByKind, long NonceHighWater, DateTimeOffset? LockedUntil);
