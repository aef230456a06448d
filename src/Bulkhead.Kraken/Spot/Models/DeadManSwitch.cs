namespace Bulkhead.Kraken.Spot.Models;

/// <summary>The state of the cancel-all-after timer (dead man's switch).</summary>
/// <param name="CurrentTime">The server time when the call was handled.</param>
/// <param name="TriggerTime">When all orders will be cancelled; null when the timer is off.</param>
public sealed record DeadManSwitch(DateTimeOffset CurrentTime, DateTimeOffset? TriggerTime);
