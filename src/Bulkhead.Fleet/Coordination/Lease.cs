namespace Bulkhead.Fleet.Coordination;

/// <summary>A granted lease on one key.</summary>
/// <param name="KeyName">The key's name in the manifest.</param>
/// <param name="FencingToken">Above every token granted earlier for this key; stores refuse writes from older tokens.</param>
/// <param name="Holder">Who holds it.</param>
/// <param name="ExpiresAt">When it lapses unless renewed (the holder's clock).</param>
public sealed record Lease(string KeyName, long FencingToken, LeaseHolder Holder, DateTimeOffset ExpiresAt);
