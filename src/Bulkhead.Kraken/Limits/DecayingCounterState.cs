namespace Bulkhead.Kraken.Limits;

/// <summary>The state of a <see cref="DecayingCounter"/>: its level as of <paramref name="At"/>. Immutable; serializes with System.Text.Json.</summary>
/// <param name="Level">The counter value at <paramref name="At"/>, after decay and after the last booked cost.</param>
/// <param name="At">When <paramref name="Level"/> was computed.</param>
public sealed record DecayingCounterState(decimal Level, DateTimeOffset At);
