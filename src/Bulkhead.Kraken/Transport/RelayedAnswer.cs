namespace Bulkhead.Kraken.Transport;

/// <summary>The exchange's answer to a relayed request, byte for byte: status, content type and body.</summary>
public sealed class RelayedAnswer
{
    internal RelayedAnswer(HttpAnswer answer)
    {
        Status = answer.Status;
        ContentType = answer.ContentType;
        Body = answer.Body;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The <c>Content-Type</c> header as the exchange sent it, or null.</summary>
    public string? ContentType { get; }

    /// <summary>The body as the exchange sent it.</summary>
    public ReadOnlyMemory<byte> Body { get; }
}
