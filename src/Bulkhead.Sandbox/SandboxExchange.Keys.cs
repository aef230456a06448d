using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox;

/// <summary>API keys and their nonce marks.</summary>
public sealed partial class SandboxExchange
{
    /// <summary>Makes a key with Kraken's settings; the secret (64 random bytes, base64) is returned here only.</summary>
    public SandboxResult<CreatedKey> CreateKey(KeySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var built = KeyRegistry.Build(spec, _time.GetUtcNow());
        if (!built.Success)
        {
            return built;
        }

        lock (_gate)
        {
            if (_accounts.Find(spec.Account) is null)
            {
                return SandboxResult<CreatedKey>.Fail(SandboxRejection.UnknownAccount, $"account '{spec.Account}' does not exist");
            }

            var changes = new SandboxChangeSet();
            changes.Keys.Add(built.Value.Key);
            Commit(changes);
            return built;
        }
    }

    /// <summary>Revokes a key: every later call with it answers <c>EAPI:Invalid key</c>.</summary>
    public SandboxResult<SandboxApiKey> RevokeKey(string key)
    {
        lock (_gate)
        {
            var revoked = _keys.Revoke(key, _time.GetUtcNow());
            if (revoked.Success)
            {
                var changes = new SandboxChangeSet();
                changes.Keys.Add(revoked.Value);
                Commit(changes);
            }

            return revoked;
        }
    }

    /// <summary>A key by its public key (revoked ones too), or null. Does not wait for the exchange's lock (the authentication pipeline calls it on every request).</summary>
    public SandboxApiKey? FindKey(string key) => _keys.Find(key);

    /// <summary>Keys, all or one account's, in creation order.</summary>
    public IReadOnlyList<SandboxApiKey> Keys(string? account)
    {
        lock (_gate)
        {
            return _keys.List(account);
        }
    }

    /// <summary>The highest nonce a key has used (0 for a fresh key); durable once the request that used it has been answered.</summary>
    public long NonceHighWater(string key) => _nonces.Accepted(key);

    /// <summary>Records a key's nonce high-water mark durably, in one commit; never lowers it.</summary>
    public void SetNonceHighWater(string key, long nonce)
    {
        lock (_gate)
        {
            if (_nonces.Durable(key) >= nonce)
            {
                return;
            }

            var changes = new SandboxChangeSet();
            changes.Nonces[key] = nonce;
            Commit(changes);
        }
    }

    /// <summary>
    /// The authentication pipeline let <paramref name="nonce"/> through for <paramref name="key"/>: raises the key's mark at
    /// once in memory; it becomes durable with the request's commit, or at <see cref="MakeNonceDurableAsync"/>.
    /// </summary>
    internal void AcceptNonce(string key, long nonce) => _nonces.Accept(key, nonce);

    /// <summary>
    /// Before an accepted request's answer goes out: completes once the store holds its nonce mark (at once when the
    /// request's own commit carried it; else with the group writer's next transaction, written outside the exchange's lock).
    /// </summary>
    internal Task MakeNonceDurableAsync(string key, long nonce) => _nonces.MakeDurableAsync(key, nonce, _store);
}
