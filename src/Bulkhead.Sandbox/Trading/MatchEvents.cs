using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Trading;

/// <summary>Collects a book's events in order, for the trading core to book after the command returns.</summary>
internal sealed class MatchEvents : IMatchListener
{
    /// <summary>The events, in the order they happened.</summary>
    public List<MatchEvent> Events { get; } = [];

    public void OnFill(in Fill fill) => Events.Add(new MatchEvent(MatchEventKind.Fill, fill, fill.TakerOrderId, 0, default));

    public void OnRested(long orderId, long remaining) => Events.Add(new MatchEvent(MatchEventKind.Rested, default, orderId, remaining, default));

    public void OnCancelled(long orderId, long remaining, CancelReason reason) => Events.Add(new MatchEvent(MatchEventKind.Cancelled, default, orderId, remaining, reason));
}

/// <summary>What kind of book event.</summary>
internal enum MatchEventKind
{
    /// <summary>A fill.</summary>
    Fill,

    /// <summary>An order rests.</summary>
    Rested,

    /// <summary>An order left the book without filling.</summary>
    Cancelled,
}

/// <summary>One book event.</summary>
internal readonly record struct MatchEvent(MatchEventKind Kind, Fill Fill, long OrderId, long Remaining, CancelReason Reason);
