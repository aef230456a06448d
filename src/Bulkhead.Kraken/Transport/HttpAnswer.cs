namespace Bulkhead.Kraken.Transport;

/// <summary>What came back over HTTP, before any Kraken meaning is given to it.</summary>
internal sealed record HttpAnswer(int Status, string? MediaType, byte[] Body);
