namespace Bulkhead.Fleet.Hosts;

/// <summary>A host's grant to run one manifest process (its supervisor starts the worker only while it holds it).</summary>
/// <param name="Process">The manifest process.</param>
/// <param name="Host">The host whose supervisor holds it.</param>
/// <param name="FencingToken">Above every token granted earlier for this process; renewals with an older one fail.</param>
/// <param name="ExpiresAt">When it lapses unless renewed (the holder's clock).</param>
public sealed record ProcessLease(string Process, string Host, long FencingToken, DateTimeOffset ExpiresAt);
