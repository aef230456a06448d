namespace Bulkhead.Fleet.Coordination.Internal;

/// <summary>One key's row: the fencing counter, the current holder (null once released) and the nonce mark.</summary>
internal sealed record LeaseRow(string KeyName, long Token, LeaseHolder? Holder, DateTimeOffset? ExpiresAt, long NonceMark)
{
    public LeaseState ToState() => new(KeyName, Token, Holder, ExpiresAt, NonceMark);
}
