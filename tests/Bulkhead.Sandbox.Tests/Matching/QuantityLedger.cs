using Bulkhead.Sandbox.Matching;
using Shouldly;

namespace Bulkhead.Sandbox.Tests.Matching;

/// <summary>
/// Tracks per order: submitted (plus amend changes), filled (as maker and as taker: each fill counts once for each),
/// cancelled; after every command filled + cancelled + resting = submitted for every order ever seen, every fill is
/// consistent with the book before it, and the command's result agrees with its events.
/// </summary>
internal sealed class QuantityLedger
{
    private readonly Dictionary<long, Account> _orders = [];
    private Dictionary<long, long> _restingBefore = [];
    private BookCommand? _command;
    private long _takerId;
    private long _takerStart;
    private long _amendDelta;

    public void Before(BookRunner runner, BookCommand command)
    {
        _command = command;
        _restingBefore = runner.Book.Orders().ToDictionary(o => o.OrderId, o => o.Remaining);
        _amendDelta = 0;
        _takerId = 0;
        if (runner.NextOrder(command) is { } order)
        {
            _orders.Add(order.OrderId, new Account { Submitted = order.Quantity });
            (_takerId, _takerStart) = (order.OrderId, order.Quantity);
        }
        else if (command.Kind == BookCommandKind.Amend && runner.Book.TryGetOrder(runner.Target(command), out var current))
        {
            var (_, remaining) = BookRunner.AmendTo(command, current);
            (_takerId, _takerStart, _amendDelta) = (current.OrderId, remaining, remaining - current.Remaining);
        }
    }

    public void After(BookRunner runner, IEnumerable<MatchEvent> events, object result)
    {
        if (result is AmendStatus.Amended)
        {
            _orders[_takerId].Submitted += _amendDelta;
        }

        var takerFilled = 0L;
        Dictionary<long, long> makerFilled = [];
        foreach (var e in events)
        {
            if (e.Fill is { } f)
            {
                f.Quantity.ShouldBePositive();
                f.MakerOwner.ShouldNotBe(f.TakerOwner);
                f.TakerOrderId.ShouldBe(_takerId);
                makerFilled[f.MakerOrderId] = makerFilled.GetValueOrDefault(f.MakerOrderId) + f.Quantity;
                f.MakerRemaining.ShouldBe(_restingBefore[f.MakerOrderId] - makerFilled[f.MakerOrderId]);
                takerFilled += f.Quantity;
                f.TakerRemaining.ShouldBe(_takerStart - takerFilled);
                _orders[f.MakerOrderId].Filled += f.Quantity;
                _orders[f.TakerOrderId].Filled += f.Quantity;
            }
            else if (e.Kind == MatchEventKind.Cancelled)
            {
                e.Remaining.ShouldBePositive();
                _orders[e.OrderId].Cancelled += e.Remaining;
            }
            else
            {
                e.Remaining.ShouldBe(Resting(runner, e.OrderId));
            }
        }

        foreach (var (id, account) in _orders)
        {
            (account.Filled + account.Cancelled + Resting(runner, id)).ShouldBe(account.Submitted, $"order {id} after {_command}");
        }

        if (result is SubmitResult submit)
        {
            submit.Filled.ShouldBe(takerFilled);
            submit.Remaining.ShouldBe(Resting(runner, _takerId));
            var expected = submit switch
            {
                { Status: SubmitStatus.Rejected } => submit is { Filled: 0, Remaining: 0 } && _orders[_takerId].Cancelled == _takerStart,
                { Status: SubmitStatus.Cancelled } => submit.Remaining == 0 && submit.Filled < _takerStart,
                { Status: SubmitStatus.Filled } => submit.Filled == _takerStart,
                { Status: SubmitStatus.Rested } => submit.Filled == 0 && submit.Remaining == _takerStart,
                _ => submit.Filled > 0 && submit.Remaining > 0 && submit.Filled + submit.Remaining == _takerStart,
            };
            expected.ShouldBeTrue(submit.ToString());
        }
    }

    private static long Resting(BookRunner runner, long id) => runner.Book.TryGetOrder(id, out var o) ? o.Remaining : 0;

    private sealed class Account
    {
        public long Submitted { get; set; }

        public long Filled { get; set; }

        public long Cancelled { get; set; }
    }
}
