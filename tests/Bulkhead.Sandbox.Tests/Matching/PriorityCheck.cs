using Bulkhead.Sandbox.Matching;
using Shouldly;

namespace Bulkhead.Sandbox.Tests.Matching;

/// <summary>
/// Price-time priority of one taking command: the makers it touches (filled, or cancelled by self-trade prevention)
/// are exactly the first ones of the opposite side's priority queue before the command, each but the last used up,
/// every fill at the maker's price within the taker's limit, and it stops early only when done or stopped by
/// self-trade prevention.
/// </summary>
internal sealed class PriorityCheck
{
    private readonly List<RestingOrder> _queue;
    private readonly long _takerId;
    private readonly Side _side;
    private readonly long? _limit;
    private readonly long _start;

    private PriorityCheck(List<RestingOrder> queue, long takerId, Side side, long? limit, long start) =>
        (_queue, _takerId, _side, _limit, _start) = (queue, takerId, side, limit, start);

    public static PriorityCheck? Before(BookRunner runner, BookCommand command)
    {
        if (runner.NextOrder(command) is { } order)
        {
            return new PriorityCheck(Opposite(runner, order.Side), order.OrderId, order.Side, order.Kind == OrderKind.Market ? null : order.Price, order.Quantity);
        }

        if (command.Kind == BookCommandKind.Amend && runner.Book.TryGetOrder(runner.Target(command), out var current))
        {
            var (price, remaining) = BookRunner.AmendTo(command, current);
            return new PriorityCheck(Opposite(runner, current.Side), current.OrderId, current.Side, price, remaining);
        }

        return null;
    }

    public void ShouldHaveBeenWalked(BookRunner runner, List<MatchEvent> events)
    {
        if (runner.Results[^1] is AmendStatus.Rejected or SubmitResult { Status: SubmitStatus.Rejected })
        {
            events.Where(e => e.Kind != MatchEventKind.Cancelled).ShouldBeEmpty();
            return;
        }

        var touched = events
            .Where(e => e.Fill is not null || (e.Kind == MatchEventKind.Cancelled && e.Reason == CancelReason.SelfTrade && e.OrderId != _takerId))
            .ToList();
        var makers = touched.Select(e => e.Fill?.MakerOrderId ?? e.OrderId).ToList();
        makers.ShouldBe(_queue.Take(makers.Count).Select(o => o.OrderId));
        for (var i = 0; i < touched.Count; i++)
        {
            if (touched[i].Fill is { } fill)
            {
                fill.Price.ShouldBe(_queue[i].Price);
                fill.TakerSide.ShouldBe(_side);
                if (_limit is { } limit)
                {
                    (_side == Side.Buy ? fill.Price <= limit : fill.Price >= limit).ShouldBeTrue();
                }

                if (i < touched.Count - 1)
                {
                    fill.MakerRemaining.ShouldBe(0);
                }
            }
        }

        var takerLeft = events.LastOrDefault(e => e.Fill is not null)?.Fill!.Value.TakerRemaining ?? _start;
        var stopped = events.Any(e => e.OrderId == _takerId && e.Kind == MatchEventKind.Cancelled && e.Reason is CancelReason.SelfTrade or CancelReason.PostOnly);
        if (takerLeft > 0 && !stopped && _queue.Count > makers.Count)
        {
            var next = _queue[makers.Count];
            _limit.ShouldNotBeNull($"a market order stopped with {takerLeft} left while {next} rested");
            (_side == Side.Buy ? next.Price > _limit : next.Price < _limit).ShouldBeTrue($"stopped with {takerLeft} left before crossing {next}");
        }

        runner.Book.IsCrossed.ShouldBeFalse();
    }

    // Orders() yields each side best price first, oldest first per price: the side's priority queue.
    private static List<RestingOrder> Opposite(BookRunner runner, Side side) => runner.Book.Orders().Where(o => o.Side != side).ToList();
}
