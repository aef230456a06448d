using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Accounts;

namespace Bulkhead.Sandbox.Keys;

/// <summary>
/// The WebSocket tokens that Spot REST <c>GetWebSocketsToken</c> hands out, as Kraken describes them: a token must be
/// used within <see cref="UnusedLifetime"/> (900 s) and then lives while a private subscription made with it does; it is
/// bound to its key, so it acts on that key's account only, and dies with the key (revoked, expired, or no longer holding
/// "Access WebSockets API"); the key's IP allowlist applies to the socket's address. Kept in memory: a restarted sandbox
/// has dropped every socket, and clients fetch a fresh token per connection. Thread-safe.
/// </summary>
public sealed class SocketTokens
{
    /// <summary>How long an unused token stays valid (Kraken: "should be used within 15 minutes of creation").</summary>
    public static readonly TimeSpan UnusedLifetime = TimeSpan.FromSeconds(900);

    private readonly SandboxExchange _exchange;
    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);

    internal SocketTokens(SandboxExchange exchange) => _exchange = exchange;

    /// <summary>How many tokens are held (issued and not yet forgotten).</summary>
    public int Count => _tokens.Count;

    /// <summary>Issues a token for <paramref name="key"/> (the caller has authenticated the REST request).</summary>
    public string Issue(SandboxApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _exchange.Time.GetUtcNow();
        Forget(now);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        _tokens[token] = new Entry(key.Key, now);
        return token;
    }

    /// <summary>
    /// Checks <paramref name="token"/> for one private request from <paramref name="remote"/> that needs the permission of
    /// the REST method <paramref name="restMethod"/> (e.g. <c>AddOrder</c>, <c>OpenOrders</c>): the key and its account,
    /// or Kraken's error string (<c>EAPI:Invalid token</c>, <c>EGeneral:Permission denied</c>).
    /// </summary>
    public SocketGrant Check(string? token, IPAddress? remote, string restMethod)
    {
        if (string.IsNullOrEmpty(token) || !_tokens.TryGetValue(token, out var entry))
        {
            return SocketGrant.Fail(KrakenErrors.InvalidToken);
        }

        var now = _exchange.Time.GetUtcNow();
        var key = _exchange.FindKey(entry.Key);
        if (key is null || key.RevokedAt is not null || key.ExpiresAt is { } expires && now >= expires
            || (key.Permissions & SpotPermission.AccessWebSocketsApi) == 0
            || (Volatile.Read(ref entry.Bound) == 0 && now - entry.IssuedAt > UnusedLifetime))
        {
            _tokens.TryRemove(token, out _);
            return SocketGrant.Fail(KrakenErrors.InvalidToken);
        }

        if (!key.Allows(remote))
        {
            return SocketGrant.Fail(KrakenErrors.PermissionDenied);
        }

        if (SpotPermissions.TryGetRequired(restMethod, out var needed) && (key.Permissions & needed) != needed)
        {
            return SocketGrant.Fail(KrakenErrors.PermissionDenied);
        }

        return _exchange.FindAccount(key.Account) is { } account ? SocketGrant.Ok(key, account) : SocketGrant.Fail(KrakenErrors.InvalidToken);
    }

    /// <summary>A private subscription made with <paramref name="token"/> is live: the token lives while it does.</summary>
    public void Bind(string token)
    {
        if (_tokens.TryGetValue(token, out var entry))
        {
            Interlocked.Increment(ref entry.Bound);
        }
    }

    /// <summary>A private subscription made with <paramref name="token"/> ended.</summary>
    public void Unbind(string token)
    {
        if (_tokens.TryGetValue(token, out var entry) && Interlocked.Decrement(ref entry.Bound) <= 0)
        {
            // Unbound again: the token lapses like an unused one (its 900 s counted from issue).
            Volatile.Write(ref entry.Bound, 0);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (token, entry) in _tokens)
        {
            if (Volatile.Read(ref entry.Bound) == 0 && now - entry.IssuedAt > UnusedLifetime)
            {
                _tokens.TryRemove(token, out _);
            }
        }
    }

    private sealed class Entry(string key, DateTimeOffset issuedAt)
    {
        public int Bound;

        public string Key { get; } = key;

        public DateTimeOffset IssuedAt { get; } = issuedAt;
    }
}

/// <summary>What a token check found: the key and account, or Kraken's error string.</summary>
public readonly record struct SocketGrant(SandboxApiKey? Key, SandboxAccount? Account, string? Error)
{
    /// <summary>True when the token may act.</summary>
    public bool Success => Error is null;

    /// <summary>A grant.</summary>
    public static SocketGrant Ok(SandboxApiKey key, SandboxAccount account) => new(key, account, null);

    /// <summary>A refusal.</summary>
    public static SocketGrant Fail(string error) => new(null, null, error);
}
