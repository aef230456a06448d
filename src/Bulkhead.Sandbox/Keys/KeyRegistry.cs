using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Sandbox.Keys;

/// <summary>
/// The API keys (revoked ones too): Kraken's key settings checked and a key built with a fresh secret, found by its
/// public key, listed. A key enters the registry only through <see cref="Apply"/> once the store has written it. Its
/// nonce marks are <see cref="NonceMarks"/>'. Written only under the exchange's lock; <see cref="Find"/> may be called
/// without it (keys are immutable values in a concurrent map), so authentication does not wait for a commit in progress.
/// </summary>
internal sealed class KeyRegistry
{
    private readonly ConcurrentDictionary<string, SandboxApiKey> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks a key's settings and builds it for <paramref name="spec"/>'s account (whose existence the caller checks):
    /// a 56-character public key and a secret of 64 random bytes, returned here only.
    /// </summary>
    public static SandboxResult<CreatedKey> Build(KeySpec spec, DateTimeOffset now)
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

        var secret = RandomNumberGenerator.GetBytes(64);
        var key = new SandboxApiKey(
            NewPublicKey(), secret, spec.Account, spec.Venue, spec.Permissions, spec.FuturesAccess, spec.FuturesWithdraw, spec.NonceWindow,
            networks, spec.ExpiresAt, spec.QueryStart, spec.QueryEnd, now, revokedAt: null);
        return SandboxResult<CreatedKey>.Ok(new CreatedKey(key, Convert.ToBase64String(secret)));
    }

    /// <summary>A key by its public key (revoked ones too), or null. Safe without the exchange's lock.</summary>
    public SandboxApiKey? Find(string key) => _keys.GetValueOrDefault(key);

    /// <summary>Keys, all or one account's, in creation order.</summary>
    public List<SandboxApiKey> List(string? account) =>
        [.. _keys.Values.Where(k => account is null || k.Account == account).OrderBy(k => k.CreatedAt)];

    /// <summary>The revoked version of a key (itself if already revoked), or the refusal for an unknown key.</summary>
    public SandboxResult<SandboxApiKey> Revoke(string key, DateTimeOffset now) => _keys.TryGetValue(key, out var existing)
        ? SandboxResult<SandboxApiKey>.Ok(existing.RevokedAt is null ? existing.Revoked(now) : existing)
        : SandboxResult<SandboxApiKey>.Fail(SandboxRejection.UnknownKey, "no such key");

    /// <summary>Adds or replaces (by public key) written keys.</summary>
    public void Apply(IReadOnlyList<SandboxApiKey> keys)
    {
        foreach (var key in keys)
        {
            _keys[key.Key] = key;
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

    // Kraken's public keys are 56 characters of base64.
    private static string NewPublicKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(42));
}
