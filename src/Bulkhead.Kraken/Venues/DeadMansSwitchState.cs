namespace Bulkhead.Kraken.Venues;

/// <summary>The dead man's switch after arming or disarming it.</summary>
/// <param name="CurrentTime">The venue's time when it answered.</param>
/// <param name="TriggerTime">When every open order will be cancelled unless the switch is armed again; null when disarmed.</param>
public sealed record DeadMansSwitchState(DateTimeOffset CurrentTime, DateTimeOffset? TriggerTime);
