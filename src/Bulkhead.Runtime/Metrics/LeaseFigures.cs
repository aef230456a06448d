namespace Bulkhead.Runtime.Metrics;

/// <summary>One key's lease in the coordination store.</summary>
/// <param name="Key">The key's name.</param>
/// <param name="Held">Whether a live process holds it.</param>
/// <param name="FencingToken">Its fencing token (grows with every new holder).</param>
/// <param name="RenewalAgeSeconds">Seconds since the holder last renewed it (null when not held).</param>
public sealed record LeaseFigures(string Key, bool Held, long FencingToken, double? RenewalAgeSeconds);
