namespace Bulkhead.Fleet.Coordination;

/// <summary>A key's row in the store, as an operator sees it.</summary>
/// <param name="KeyName">The key's name.</param>
/// <param name="FencingToken">The last token granted (0: never granted).</param>
/// <param name="Holder">The current or last holder; null when released or never held.</param>
/// <param name="ExpiresAt">When the current grant lapses; null when released.</param>
/// <param name="NonceMark">The key's nonce high-water mark.</param>
public sealed record LeaseState(string KeyName, long FencingToken, LeaseHolder? Holder, DateTimeOffset? ExpiresAt, long NonceMark);
