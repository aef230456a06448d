namespace Bulkhead.Sandbox.Matching;

/// <summary>How long a limit order may rest. Good-till-date expiry is the caller's job: it cancels the order when due.</summary>
public enum TimeInForce
{
    /// <summary>Rests until filled or cancelled.</summary>
    GoodTillCancelled,

    /// <summary>Takes what it can immediately; the rest is cancelled (<see cref="CancelReason.ImmediateOrCancel"/>).</summary>
    ImmediateOrCancel,
}
