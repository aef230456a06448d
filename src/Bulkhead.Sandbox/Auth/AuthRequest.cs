using System.Net;

namespace Bulkhead.Sandbox.Auth;

/// <summary>
/// One private request as the authentication pipeline sees it: no HTTP types, only what Kraken's checks read.
/// <see cref="HttpAuthRequests"/> builds it from an <c>HttpContext</c>.
/// </summary>
public sealed class AuthRequest
{
    /// <summary>Spot or Futures.</summary>
    public required AuthVenue Venue { get; init; }

    /// <summary>The caller's address (checked against the key's IP allowlist); null: unknown, refused by a non-empty allowlist.</summary>
    public required IPAddress? RemoteAddress { get; init; }

    /// <summary>The <c>API-Key</c> / <c>APIKey</c> header.</summary>
    public required string? ApiKey { get; init; }

    /// <summary>The <c>API-Sign</c> / <c>Authent</c> header.</summary>
    public required string? Signature { get; init; }

    /// <summary>The URL path as received, e.g. <c>/0/private/Balance</c> or <c>/derivatives/api/v3/accounts</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Spot: the body's <c>nonce</c> field; Futures: the <c>Nonce</c> header; null when absent.</summary>
    public required string? Nonce { get; init; }

    /// <summary>The body bytes exactly as received.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Futures: the raw query string as received, without <c>?</c> (part of the signed <c>postData</c>).</summary>
    public string RawQuery { get; init; } = string.Empty;

    /// <summary>What the endpoint needs and costs.</summary>
    public required AuthRequirement Requirement { get; init; }
}
