namespace Bulkhead.Kraken.Transport;

/// <summary>What came back over HTTP, before any Kraken meaning is given to it.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="MediaType">The content type's media type (<c>application/json</c>), or null.</param>
/// <param name="Body">The body, as received.</param>
/// <param name="ContentType">The whole <c>Content-Type</c> header as received (with its charset), or null; a relay returns it unchanged.</param>
internal sealed record HttpAnswer(int Status, string? MediaType, byte[] Body, string? ContentType = null);
