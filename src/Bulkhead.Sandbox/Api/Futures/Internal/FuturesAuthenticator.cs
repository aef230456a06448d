using System.Globalization;
using System.Net;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Limits;
using Bulkhead.Kraken.Signing;
using Bulkhead.Sandbox.Keys;
using Microsoft.AspNetCore.Http;

namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>
/// The Futures side of the authentication pipeline, in the order of ARCHITECTURE.md: key → IP allowlist → expiry →
/// lockout → signature (<see cref="FuturesSigner.Verify"/> over raw query + raw body + nonce + path) → nonce (only when a
/// <c>Nonce</c> header is sent: ccxt and Kraken.Net never send one) → permission → the account's rate budget
/// (<see cref="FuturesDerivativesLimiter"/> or <see cref="FuturesHistoryLimiter"/>: per account, so two keys share it and
/// a subaccount has its own). Interim, small, and Futures-only: the venue-neutral auth core (feat/sbx-spot) replaces it.
/// Refusals change no exchange state.
/// </summary>
internal sealed class FuturesAuthenticator
{
    private readonly SandboxExchange _exchange;
    private readonly SandboxOptions _options;
    private readonly TimeProvider _time;
    private readonly IRateLimitStateStore _rates = new InMemoryRateLimitStateStore();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, KeyState> _states = new(StringComparer.Ordinal);

    public FuturesAuthenticator(SandboxExchange exchange, SandboxOptions options, TimeProvider time)
    {
        _exchange = exchange;
        _options = options;
        _time = time;
    }

    /// <summary>Authenticates and charges <paramref name="cost"/> to the account's derivatives budget (or history pool when <paramref name="history"/>).</summary>
    public AuthOutcome Authenticate(HttpContext context, FuturesRequest request, FuturesPermission needs, decimal cost, bool history)
    {
        var apiKey = context.Request.Headers["APIKey"].ToString();
        var authent = context.Request.Headers["Authent"].ToString();
        if (apiKey.Length == 0 || _exchange.FindKey(apiKey) is not { } key || key.Venue != KeyVenue.Futures || key.RevokedAt is not null)
        {
            return AuthOutcome.Refuse(KrakenErrors.FuturesAuthenticationError);
        }

        var now = _time.GetUtcNow();
        if (!Allowed(key, context.Connection.RemoteIpAddress) || key.ExpiresAt is { } expires && now >= expires)
        {
            return Fail(key, KrakenErrors.FuturesAuthenticationError, now);
        }

        lock (_gate)
        {
            if (State(key.Key).LockedUntil is { } until && now < until)
            {
                return AuthOutcome.Refuse(KrakenErrors.FuturesAuthenticationError);
            }
        }

        var nonceText = context.Request.Headers["Nonce"].ToString();
        if (!FuturesSigner.Verify(key.Secret, request.PostData, nonceText, request.Path, authent))
        {
            return Fail(key, KrakenErrors.FuturesAuthenticationError, now);
        }

        if (nonceText.Length > 0 && CheckNonce(key, nonceText) is { } nonceError)
        {
            return Fail(key, nonceError, now);
        }

        if (!Permits(key, needs))
        {
            return AuthOutcome.Refuse(KrakenErrors.FuturesAuthenticationError);
        }

        if (_exchange.FindAccount(key.Account) is not { } account)
        {
            return AuthOutcome.Refuse(KrakenErrors.FuturesAuthenticationError);
        }

        IRateLimiter limiter = history
            ? new FuturesHistoryLimiter(account.Name, _rates, _time)
            : new FuturesDerivativesLimiter(account.Name, _rates, _time);
        var decision = limiter.TryAcquire(cost);
        return decision.Granted
            ? AuthOutcome.Pass(new FuturesCaller(key, account))
            : AuthOutcome.Limited(decision.RetryAfter);
    }

    private static bool Permits(SandboxApiKey key, FuturesPermission needs) => needs switch
    {
        FuturesPermission.Read => key.FuturesAccess is FuturesAccess.ReadOnly or FuturesAccess.Full,
        FuturesPermission.Full => key.FuturesAccess == FuturesAccess.Full,
        _ => key.FuturesWithdraw,
    };

    private static bool Allowed(SandboxApiKey key, IPAddress? remote)
    {
        if (key.IpAllowlist.Count == 0)
        {
            return true;
        }

        if (remote is null)
        {
            return false;
        }

        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return key.IpAllowlist.Any(n => n.Contains(address));
    }

    /// <summary>Strictly above the high-water mark; within the key's window below it, once each.</summary>
    private string? CheckNonce(SandboxApiKey key, string text)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var nonce))
        {
            return KrakenErrors.FuturesAuthenticationError;
        }

        lock (_gate)
        {
            var state = State(key.Key);
            var high = _exchange.NonceHighWater(key.Key);
            if (nonce > high)
            {
                _exchange.SetNonceHighWater(key.Key, nonce);
                state.Recent.Add(nonce);
                state.Recent.RemoveWhere(n => n < nonce - key.NonceWindow);
                return null;
            }

            if (nonce == high || state.Recent.Contains(nonce))
            {
                return KrakenErrors.FuturesNonceDuplicate;
            }

            if (key.NonceWindow > 0 && high - nonce <= key.NonceWindow)
            {
                state.Recent.Add(nonce);
                return null;
            }

            return KrakenErrors.FuturesNonceBelowThreshold;
        }
    }

    private AuthOutcome Fail(SandboxApiKey key, string error, DateTimeOffset now)
    {
        lock (_gate)
        {
            var state = State(key.Key);
            state.Failures.Enqueue(now);
            while (state.Failures.TryPeek(out var first) && now - first > _options.LockoutWindow)
            {
                state.Failures.Dequeue();
            }

            if (state.Failures.Count >= _options.LockoutThreshold)
            {
                state.LockedUntil = now + _options.LockoutDuration;
                state.Failures.Clear();
            }
        }

        return AuthOutcome.Refuse(error);
    }

    private KeyState State(string key)
    {
        if (!_states.TryGetValue(key, out var state))
        {
            _states[key] = state = new KeyState();
        }

        return state;
    }

    private sealed class KeyState
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public SortedSet<long> Recent { get; } = [];

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
