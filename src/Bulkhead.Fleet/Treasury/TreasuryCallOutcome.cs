namespace Bulkhead.Fleet.Treasury;

/// <summary>What one exchange call of a step came to.</summary>
/// <param name="Kind">Done, refused (nothing moved) or unknown (it may have moved).</param>
/// <param name="RefId">The exchange's reference id, when done and the answer carries one.</param>
/// <param name="Message">The exchange's error, when not done.</param>
public sealed record TreasuryCallOutcome(TreasuryCallResult Kind, string? RefId, string? Message)
{
    /// <summary>Done, with the answer's reference id (null when the endpoint answers none).</summary>
    public static TreasuryCallOutcome Done(string? refId) => new(TreasuryCallResult.Done, refId, null);

    /// <summary>Refused by the exchange or locally before sending: nothing moved.</summary>
    public static TreasuryCallOutcome Refused(string message) => new(TreasuryCallResult.Refused, null, message);

    /// <summary>No clear answer (timeout, transport, unavailable): the movement may have happened.</summary>
    public static TreasuryCallOutcome Unknown(string message) => new(TreasuryCallResult.Unknown, null, message);
}
