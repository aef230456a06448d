namespace Bulkhead.Kraken.Transport;

/// <summary>
/// A request another client made (a bot behind a gateway), to be sent on as it came: the same path, query and body bytes,
/// except what the key's own pipeline puts in (the key, the nonce, the signature).
/// </summary>
public sealed class RelayRequest
{
    /// <summary>The HTTP method.</summary>
    public required HttpMethod Verb { get; init; }

    /// <summary>The URL path, e.g. <c>/0/private/Balance</c> or <c>/derivatives/api/v3/sendorder</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string, without <c>?</c> (empty when none).</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>The body as received (empty when none).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The request's <c>Content-Type</c> header as received, or null.</summary>
    public string? ContentType { get; init; }
}
