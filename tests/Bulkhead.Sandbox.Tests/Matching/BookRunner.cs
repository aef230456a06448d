using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Tests.Matching;

/// <summary>Runs <see cref="BookCommand"/>s on a fresh book, recording every event and result.</summary>
internal sealed class BookRunner
{
    private readonly List<long> _ids = [];

    public OrderBook Book { get; } = new("XBT/USD");

    public RecordingListener Events { get; } = new();

    public List<object> Results { get; } = [];

    public IReadOnlyList<long> Ids => _ids;

    public static BookRunner Replay(IEnumerable<BookCommand> commands)
    {
        var runner = new BookRunner();
        foreach (var command in commands)
        {
            runner.Run(command);
        }

        return runner;
    }

    /// <summary>The order a command submits (its id is the next one), or null.</summary>
    public NewOrder? NextOrder(BookCommand c) => c.Kind == BookCommandKind.Submit
        ? new NewOrder(_ids.Count + 1, c.Owner, c.Side, c.OrderKind, c.Price, c.Quantity, c.TimeInForce, c.PostOnly, c.SelfTrade)
        : null;

    /// <summary>The id a cancel or amend targets.</summary>
    public long Target(BookCommand c) => _ids.Count == 0 ? 1 : _ids[c.Pick % _ids.Count];

    /// <summary>The (price, remaining) an amend command asks for, from the target's current state.</summary>
    public static (long Price, long Remaining) AmendTo(BookCommand c, RestingOrder current) => (c.Pick % 3) switch
    {
        0 => (current.Price, Math.Max(1, current.Remaining - (c.Quantity % 5))),   // keeps priority
        1 => (current.Price, current.Remaining + c.Quantity),                     // grows: loses priority
        _ => (c.Price, c.Quantity),                                               // new price (may cross)
    };

    public void Run(BookCommand c)
    {
        switch (c.Kind)
        {
            case BookCommandKind.Submit:
                var order = NextOrder(c)!.Value;
                _ids.Add(order.OrderId);
                Results.Add(Book.Submit(order, Events));
                break;
            case BookCommandKind.Cancel:
                Results.Add(Book.Cancel(Target(c), Events));
                break;
            default:
                var id = Target(c);
                var (price, remaining) = Book.TryGetOrder(id, out var current) ? AmendTo(c, current) : (c.Price, c.Quantity);
                Results.Add(Book.Amend(id, price, remaining, Events));
                break;
        }
    }
}
