using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Tests.Matching;

/// <summary>Records every event of a book, in order, as values that compare by content.</summary>
internal sealed class RecordingListener : IMatchListener
{
    public List<MatchEvent> Events { get; } = [];

    public IEnumerable<Fill> Fills => Events.Where(e => e.Fill is not null).Select(e => e.Fill!.Value);

    public void OnFill(in Fill fill) => Events.Add(new MatchEvent(MatchEventKind.Fill, fill.TakerOrderId, fill.TakerRemaining, null, fill));

    public void OnRested(long orderId, long remaining) => Events.Add(new MatchEvent(MatchEventKind.Rested, orderId, remaining, null, null));

    public void OnCancelled(long orderId, long remaining, CancelReason reason) =>
        Events.Add(new MatchEvent(MatchEventKind.Cancelled, orderId, remaining, reason, null));

    public void Clear() => Events.Clear();
}

internal enum MatchEventKind
{
    Fill,
    Rested,
    Cancelled,
}

internal sealed record MatchEvent(MatchEventKind Kind, long OrderId, long Remaining, CancelReason? Reason, Fill? Fill);
