namespace Bulkhead.Fleet.Hosts;

/// <summary>A process's row as operators see it: who holds it and until when.</summary>
/// <param name="Process">The manifest process.</param>
/// <param name="Host">The holding host; null when released or never claimed.</param>
/// <param name="FencingToken">The last token granted.</param>
/// <param name="ExpiresAt">When the grant lapses; null when released.</param>
public sealed record ProcessOwner(string Process, string? Host, long FencingToken, DateTimeOffset? ExpiresAt);
