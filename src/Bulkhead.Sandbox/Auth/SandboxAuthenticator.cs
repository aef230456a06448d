using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Bulkhead.Kraken.Limits;
using Bulkhead.Kraken.Signing;
using Bulkhead.Sandbox.Auth.Internal;
using Bulkhead.Sandbox.Keys;

namespace Bulkhead.Sandbox.Auth;

/// <summary>
/// Kraken's authentication pipeline, venue-neutral (no HTTP inside), in ARCHITECTURE order:
/// key (unknown, revoked or other venue → invalid key) → IP allowlist → lockout → expiry → signature → nonce →
/// permission → rate counter (Spot REST: the key's own; Futures: the account's). A refused request records nothing but its failure (stats and the lockout count);
/// an accepted one records its nonce and its rate cost. The nonce, permission and rate steps and the nonce record run
/// under one lock per key, so two requests with one nonce cannot both pass. The nonce mark is raised in memory at once
/// and written with the request's own commit; the caller awaits <see cref="MakeNonceDurableAsync"/> before answering,
/// which writes it only if no commit carried it (so every private request commits once). All time from the injected
/// <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
/// <remarks>
/// Lockout as Kraken: failures with a known key (IP not allowed, bad signature, bad nonce, missing permission) are
/// counted per key over <see cref="SandboxOptions.LockoutWindow"/>; at <see cref="SandboxOptions.LockoutThreshold"/>
/// the key is locked for <see cref="SandboxOptions.LockoutDuration"/>, during which even correct calls are refused.
/// Refusals for an unknown/expired key, a lockout or a rate limit do not count. Other keys of the account are unaffected.
/// A nonce that passed is spent even if the endpoint then refuses the request (insufficient funds, unknown order):
/// Kraken's rule is that each nonce must exceed the last one the key used, and an authenticated request has used it.
/// </remarks>
public sealed class SandboxAuthenticator : IKeyActivity
{
    private readonly SandboxExchange _exchange;
    private readonly SandboxOptions _options;
    private readonly TimeProvider _time;
    private readonly IRateLimitStateStore _rateStore;
    private readonly ConcurrentDictionary<string, KeyState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccountRateLimits> _limits = new(StringComparer.Ordinal);

    /// <summary>Creates the pipeline over an exchange.</summary>
    /// <param name="exchange">Keys, accounts and the persisted nonce marks.</param>
    /// <param name="options">Lockout thresholds and the Spot tier.</param>
    /// <param name="time">The clock.</param>
    /// <param name="rateStore">Where the rate counters live; null: a new in-memory store.</param>
    public SandboxAuthenticator(SandboxExchange exchange, SandboxOptions options, TimeProvider time, IRateLimitStateStore? rateStore = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LockoutThreshold, 1);
        _exchange = exchange;
        _options = options;
        _time = time;
        _rateStore = rateStore ?? new InMemoryRateLimitStateStore();
    }

    /// <summary>How many of a key's most recent requests <see cref="Calls"/> keeps.</summary>
    public const int CallLogLength = 20_000;

    /// <summary>Runs the pipeline on one request; a request naming a known key is logged with its source address.</summary>
    public AuthOutcome Authenticate(AuthRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = Decide(request);
        if (!string.IsNullOrEmpty(request.ApiKey) && _states.TryGetValue(request.ApiKey, out var state))
        {
            long? nonce = TryParseNonce(request.Nonce, out var parsed) ? parsed : null;
            var call = new KeyCall(_time.GetUtcNow(), request.RemoteAddress?.ToString(), request.Path, nonce, outcome.Success ? "ok" : outcome.WireError);
            lock (state.Gate)
            {
                if (state.Calls.Count >= CallLogLength)
                {
                    state.Calls.Dequeue();
                }

                state.Calls.Enqueue(call);
            }
        }

        return outcome;
    }

    /// <inheritdoc />
    public IReadOnlyList<KeyCall> Calls(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_states.TryGetValue(key, out var state))
        {
            return [];
        }

        lock (state.Gate)
        {
            return [.. state.Calls];
        }
    }

    private AuthOutcome Decide(AuthRequest request)
    {
        var venue = request.Venue;
        var expectedVenue = venue == AuthVenue.Spot ? KeyVenue.Spot : KeyVenue.Futures;
        var key = string.IsNullOrEmpty(request.ApiKey) ? null : _exchange.FindKey(request.ApiKey);
        if (key is null || key.RevokedAt is not null || key.Venue != expectedVenue)
        {
            // Unknown keys keep no state (a flood of random keys must not grow memory).
            if (key is not null)
            {
                var known = State(key.Key);
                lock (known.Gate)
                {
                    known.Requests++;
                    Count(known, venue, AuthFailure.InvalidKey);
                }
            }

            return AuthOutcome.Fail(venue, AuthFailure.InvalidKey);
        }

        var state = State(key.Key);
        lock (state.Gate)
        {
            state.Requests++;
            var now = _time.GetUtcNow();
            if (!key.Allows(request.RemoteAddress))
            {
                return Refuse(state, venue, AuthFailure.IpNotAllowed, now);
            }

            if (state.LockedUntil is { } until)
            {
                if (now < until)
                {
                    Count(state, venue, AuthFailure.LockedOut);
                    return AuthOutcome.Fail(venue, AuthFailure.LockedOut, until - now);
                }

                state.LockedUntil = null;
            }

            if (key.ExpiresAt is { } expires && now >= expires)
            {
                Count(state, venue, AuthFailure.KeyExpired);
                return AuthOutcome.Fail(venue, AuthFailure.KeyExpired);
            }

            if (!SignatureValid(key, request))
            {
                return Refuse(state, venue, AuthFailure.InvalidSignature, now);
            }

            var nonce = 0L;
            var hasNonce = request.Nonce is not null || venue == AuthVenue.Spot;
            if (hasNonce)
            {
                if (!TryParseNonce(request.Nonce, out nonce))
                {
                    return Refuse(state, venue, AuthFailure.NonceMalformed, now);
                }

                if (CheckNonce(key, state, nonce) is { } nonceFailure)
                {
                    return Refuse(state, venue, nonceFailure, now);
                }
            }

            var account = _exchange.FindAccount(key.Account);
            if (account is null || !Permitted(key, account.IsMaster, request.Requirement))
            {
                return Refuse(state, venue, AuthFailure.PermissionDenied, now);
            }

            var decision = Charge(key, request.Requirement);
            if (!decision.Granted)
            {
                Count(state, venue, AuthFailure.RateLimited);
                return AuthOutcome.Fail(venue, AuthFailure.RateLimited, decision.RetryAfter);
            }

            if (hasNonce)
            {
                RecordNonce(key, state, nonce);
            }

            state.Succeeded++;
            return AuthOutcome.Ok(key, account, hasNonce ? nonce : null);
        }
    }

    /// <summary>
    /// Await before answering a request <see cref="Authenticate"/> let through: completes once its nonce mark is durable,
    /// so no answered nonce is accepted again after a crash. Completed at once when the request carried no nonce or when a
    /// commit already wrote its mark (the request's own, or another's); otherwise with the next group write of every
    /// pending mark (one store transaction for all the requests waiting).
    /// </summary>
    public Task MakeNonceDurableAsync(AuthOutcome outcome) =>
        outcome.Success && outcome.Nonce is { } nonce ? _exchange.MakeNonceDurableAsync(outcome.Key.Key, nonce) : Task.CompletedTask;

    /// <inheritdoc />
    public KeyStats Stats(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var highWater = _exchange.NonceHighWater(key);
        if (!_states.TryGetValue(key, out var state))
        {
            return new KeyStats(0, 0, new Dictionary<string, long>(StringComparer.Ordinal), highWater, null);
        }

        lock (state.Gate)
        {
            var locked = state.LockedUntil is { } until && until > _time.GetUtcNow() ? until : (DateTimeOffset?)null;
            return new KeyStats(state.Requests, state.Succeeded, new Dictionary<string, long>(state.FailuresByKind, StringComparer.Ordinal), highWater, locked);
        }
    }

    /// <summary>
    /// The rate counters of one account (a subaccount has its own): the Futures budgets shared by all its keys, and each
    /// key's own Spot REST counter (<see cref="SpotRest"/>).
    /// </summary>
    public AccountRateLimits RateLimits(string account) =>
        _limits.GetOrAdd(account, a => new AccountRateLimits(a, _options.Tier, _rateStore, _time));

    /// <summary>
    /// The Spot REST call counter of one key: Kraken counts per API key (spot.md §3), so each key of an account has its
    /// own with the tier's numbers, and one key over its maximum leaves the others untouched.
    /// </summary>
    public SpotRestLimiter SpotRest(SandboxApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return RateLimits(key.Account).SpotRest(key.Key);
    }

    private KeyState State(string key) => _states.GetOrAdd(key, k => new KeyState(_exchange.NonceHighWater(k)));

    private AuthOutcome Refuse(KeyState state, AuthVenue venue, AuthFailure failure, DateTimeOffset now)
    {
        Count(state, venue, failure);
        while (state.Failures.Count > 0 && now - state.Failures.Peek() >= _options.LockoutWindow)
        {
            state.Failures.Dequeue();
        }

        state.Failures.Enqueue(now);
        if (state.Failures.Count >= _options.LockoutThreshold)
        {
            state.LockedUntil = now + _options.LockoutDuration;
            state.Failures.Clear();
        }

        return AuthOutcome.Fail(venue, failure);
    }

    private static void Count(KeyState state, AuthVenue venue, AuthFailure failure)
    {
        var wire = AuthWireErrors.For(venue, failure);
        state.FailuresByKind[wire] = state.FailuresByKind.GetValueOrDefault(wire) + 1;
    }

    private static bool SignatureValid(SandboxApiKey key, AuthRequest request)
    {
        if (request.Venue == AuthVenue.Spot)
        {
            return SpotSigner.Verify(key.Secret, request.Path, request.Nonce ?? string.Empty, request.Body.Span, request.Signature);
        }

        // Futures postData = raw query + raw body, exactly as received (futures.md §1.3).
        var postData = request.RawQuery + Encoding.UTF8.GetString(request.Body.Span);
        return FuturesSigner.Verify(key.Secret, postData, request.Nonce ?? string.Empty, request.Path, request.Signature);
    }

    private static bool TryParseNonce(string? text, out long nonce)
    {
        nonce = 0;
        return !string.IsNullOrEmpty(text) && text.Length <= 20
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out nonce) && nonce > 0;
    }

    private AuthFailure? CheckNonce(SandboxApiKey key, KeyState state, long nonce)
    {
        var highWater = _exchange.NonceHighWater(key.Key);
        if (nonce > highWater)
        {
            return null;
        }

        if (nonce == highWater || state.Seen.Contains(nonce))
        {
            return AuthFailure.NonceDuplicate;
        }

        var lowest = highWater - key.NonceWindow;
        return nonce >= lowest && nonce > state.Floor ? null : AuthFailure.NonceBelowThreshold;
    }

    private void RecordNonce(SandboxApiKey key, KeyState state, long nonce)
    {
        var highWater = _exchange.NonceHighWater(key.Key);
        if (nonce > highWater)
        {
            _exchange.AcceptNonce(key.Key, nonce);
            highWater = nonce;
        }

        if (key.NonceWindow > 0)
        {
            state.Seen.Add(nonce);
            var lowest = highWater - key.NonceWindow;
            while (state.Seen.Count > 0 && state.Seen.Min < lowest)
            {
                state.Seen.Remove(state.Seen.Min);
            }
        }
    }

    private static bool Permitted(SandboxApiKey key, bool isMaster, AuthRequirement requirement)
    {
        if (requirement.MasterOnly && !isMaster)
        {
            return false;
        }

        if (requirement.SpotPermission is { } spot && (key.Permissions & spot) != spot)
        {
            return false;
        }

        return requirement.FuturesScope switch
        {
            null => true,
            FuturesScope.ReadOnly => key.FuturesAccess is FuturesAccess.ReadOnly or FuturesAccess.Full,
            FuturesScope.Full => key.FuturesAccess == FuturesAccess.Full,
            FuturesScope.Withdraw => key.FuturesWithdraw,
            _ => false,
        };
    }

    private RateDecision Charge(SandboxApiKey key, AuthRequirement requirement)
    {
        if (requirement.Budget == RateBudget.None || requirement.Cost == 0m)
        {
            return RateDecision.Grant;
        }

        return requirement.Budget switch
        {
            RateBudget.SpotRest => SpotRest(key).TryAcquire(requirement.Cost),
            RateBudget.FuturesDerivatives => RateLimits(key.Account).FuturesDerivatives.TryAcquire(requirement.Cost),
            RateBudget.FuturesHistory => RateLimits(key.Account).FuturesHistory.TryAcquire(requirement.Cost),
            _ => RateDecision.Grant,
        };
    }
}
