namespace Bulkhead.Kraken.Spot.Models;

/// <summary>The exchange's clock.</summary>
/// <param name="Now">The server time (whole seconds).</param>
/// <param name="Rfc1123">The same instant as the server formats it for humans.</param>
public sealed record ServerTime(DateTimeOffset Now, string Rfc1123);
