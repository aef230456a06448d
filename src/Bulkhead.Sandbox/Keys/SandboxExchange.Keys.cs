using System.Net;
using System.Security.Cryptography;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Storage;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

public sealed partial class SandboxExchange
{
    /// <summary>Makes a key with Kraken's settings; the secret (64 random bytes, base64) is returned here only.</summary>
    public SandboxResult<CreatedKey> CreateKey(KeySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.NonceWindow < 0)
        {
            return SandboxResult<CreatedKey>.Fail(SandboxRejection.InvalidKeySettings, "nonceWindow must not be negative");
        }

        if (spec.Venue == KeyVenue.Futures && spec.Permissions != SpotPermission.None)
        {
            return SandboxResult<CreatedKey>.Fail(SandboxRejection.InvalidKeySettings, "a Futures key takes 'futures' (full or read-only) and 'withdraw', not Spot permissions");
        }

        if (spec.Venue == KeyVenue.Spot && (spec.FuturesAccess != FuturesAccess.None || spec.FuturesWithdraw))
        {
            return SandboxResult<CreatedKey>.Fail(SandboxRejection.InvalidKeySettings, "a Spot key takes Spot permissions, not 'futures' or 'withdraw'");
        }

        var networks = new List<IPNetwork>();
        foreach (var entry in spec.IpAllowlist)
        {
            if (!TryParseNetwork(entry, out var network))
            {
                return SandboxResult<CreatedKey>.Fail(SandboxRejection.InvalidKeySettings, $"ipAllowlist entry '{entry}' is not an IP address or CIDR (e.g. 127.0.0.1/32)");
            }

            networks.Add(network);
        }

        lock (_gate)
        {
            if (_accounts.Find(spec.Account) is null)
            {
                return SandboxResult<CreatedKey>.Fail(SandboxRejection.UnknownAccount, $"account '{spec.Account}' does not exist");
            }

            var secret = RandomNumberGenerator.GetBytes(64);
            var key = new SandboxApiKey(
                NewPublicKey(), secret, spec.Account, spec.Venue, spec.Permissions, spec.FuturesAccess, spec.FuturesWithdraw, spec.NonceWindow,
                networks, spec.ExpiresAt, spec.QueryStart, spec.QueryEnd, _time.GetUtcNow(), revokedAt: null);
            var changes = new SandboxChangeSet();
            changes.Keys.Add(key);
            Commit(changes);
            return SandboxResult<CreatedKey>.Ok(new CreatedKey(key, Convert.ToBase64String(secret)));
        }
    }

    /// <summary>Revokes a key: every later call with it answers <c>EAPI:Invalid key</c>.</summary>
    public SandboxResult<SandboxApiKey> RevokeKey(string key)
    {
        lock (_gate)
        {
            if (!_keys.TryGetValue(key, out var existing))
            {
                return SandboxResult<SandboxApiKey>.Fail(SandboxRejection.UnknownKey, "no such key");
            }

            var revoked = existing.RevokedAt is null ? existing.Revoked(_time.GetUtcNow()) : existing;
            var changes = new SandboxChangeSet();
            changes.Keys.Add(revoked);
            Commit(changes);
            return SandboxResult<SandboxApiKey>.Ok(revoked);
        }
    }

    /// <summary>A key by its public key (revoked ones too), or null.</summary>
    public SandboxApiKey? FindKey(string key)
    {
        lock (_gate)
        {
            return _keys.GetValueOrDefault(key);
        }
    }

    /// <summary>Keys, all or one account's, in creation order.</summary>
    public IReadOnlyList<SandboxApiKey> Keys(string? account)
    {
        lock (_gate)
        {
            return [.. _keys.Values.Where(k => account is null || k.Account == account).OrderBy(k => k.CreatedAt)];
        }
    }

    /// <summary>The highest nonce a key has used (persisted; 0 for a fresh key).</summary>
    public long NonceHighWater(string key)
    {
        lock (_gate)
        {
            return _nonces.GetValueOrDefault(key);
        }
    }

    /// <summary>Records a key's nonce high-water mark; never lowers it.</summary>
    public void SetNonceHighWater(string key, long nonce)
    {
        lock (_gate)
        {
            if (_nonces.GetValueOrDefault(key) >= nonce)
            {
                return;
            }

            var changes = new SandboxChangeSet();
            changes.Nonces[key] = nonce;
            Commit(changes);
        }
    }

    private static bool TryParseNetwork(string text, out IPNetwork network)
    {
        if (IPNetwork.TryParse(text, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    private static string NewPublicKey()
    {
        // Kraken's public keys are 56 characters of base64.
        var bytes = RandomNumberGenerator.GetBytes(42);
        return Convert.ToBase64String(bytes);
    }
}
