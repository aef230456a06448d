using System.Net;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Sandbox.Keys;

/// <summary>
/// An API key of the sandbox, with Kraken's key settings. The secret is kept as bytes and is shown once, when the key is
/// made; <see cref="ToString"/> never prints it. A sealed class, not a record, so no generated member prints the secret.
/// </summary>
public sealed class SandboxApiKey
{
    private readonly byte[] _secret;

    /// <summary>Creates a key from its settings.</summary>
    public SandboxApiKey(
        string key,
        byte[] secret,
        string account,
        KeyVenue venue,
        SpotPermission permissions,
        FuturesAccess futuresAccess,
        bool futuresWithdraw,
        long nonceWindow,
        IReadOnlyList<IPNetwork> ipAllowlist,
        DateTimeOffset? expiresAt,
        DateTimeOffset? queryStart,
        DateTimeOffset? queryEnd,
        DateTimeOffset createdAt,
        DateTimeOffset? revokedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentNullException.ThrowIfNull(ipAllowlist);
        ArgumentOutOfRangeException.ThrowIfNegative(nonceWindow);
        Key = key;
        _secret = secret;
        Account = account;
        Venue = venue;
        Permissions = permissions;
        FuturesAccess = futuresAccess;
        FuturesWithdraw = futuresWithdraw;
        NonceWindow = nonceWindow;
        IpAllowlist = ipAllowlist;
        ExpiresAt = expiresAt;
        QueryStart = queryStart;
        QueryEnd = queryEnd;
        CreatedAt = createdAt;
        RevokedAt = revokedAt;
    }

    /// <summary>The public key (<c>API-Key</c> / <c>APIKey</c> header).</summary>
    public string Key { get; }

    /// <summary>The decoded secret, for signature checks and persistence only.</summary>
    internal ReadOnlySpan<byte> Secret => _secret;

    /// <summary>The owning account's name.</summary>
    public string Account { get; }

    /// <summary>Spot or Futures.</summary>
    public KeyVenue Venue { get; }

    /// <summary>Spot permissions (Spot keys).</summary>
    public SpotPermission Permissions { get; }

    /// <summary>General API access (Futures keys).</summary>
    public FuturesAccess FuturesAccess { get; }

    /// <summary>Withdrawal API access (Futures keys).</summary>
    public bool FuturesWithdraw { get; }

    /// <summary>How far below the high-water mark a nonce may be and still be accepted once (0: strictly increasing).</summary>
    public long NonceWindow { get; }

    /// <summary>Networks allowed to use the key; empty: any address.</summary>
    public IReadOnlyList<IPNetwork> IpAllowlist { get; }

    /// <summary>When the key stops working, if ever.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>History before this time is not returned (Kraken's query start limit), if set.</summary>
    public DateTimeOffset? QueryStart { get; }

    /// <summary>History after this time is not returned (Kraken's query end limit), if set.</summary>
    public DateTimeOffset? QueryEnd { get; }

    /// <summary>When the key was made.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When the key was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; }

    /// <summary>The key with everything but its first and last four characters hidden.</summary>
    public string MaskedKey => Key.Length <= 8 ? new string('*', Key.Length) : string.Concat(Key.AsSpan(0, 4), "…", Key.AsSpan(Key.Length - 4));

    /// <summary>
    /// Whether <paramref name="address"/> may use the key: any address when <see cref="IpAllowlist"/> is empty, else one
    /// inside a listed network (an IPv4-mapped IPv6 address counts as its IPv4 address); no address never matches a list.
    /// The one rule for REST requests and WebSocket connections.
    /// </summary>
    public bool Allows(IPAddress? address)
    {
        if (IpAllowlist.Count == 0)
        {
            return true;
        }

        if (address is null)
        {
            return false;
        }

        var candidate = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var network in IpAllowlist)
        {
            if (network.Contains(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same key, revoked at <paramref name="at"/>.</summary>
    public SandboxApiKey Revoked(DateTimeOffset at) =>
        new(Key, _secret, Account, Venue, Permissions, FuturesAccess, FuturesWithdraw, NonceWindow, IpAllowlist, ExpiresAt, QueryStart, QueryEnd, CreatedAt, at);

    /// <inheritdoc />
    public override string ToString() => $"SandboxApiKey({MaskedKey}, {Venue}, account {Account})";
}
