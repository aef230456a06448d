using Bulkhead.Sandbox.Matching;
using Shouldly;

namespace Bulkhead.Sandbox.Tests.Matching;

/// <summary>Structural checks of a book: depth agrees with its orders, and orders are in price-time priority.</summary>
internal static class BookShape
{
    public static void ShouldBeConsistent(OrderBook book)
    {
        book.CheckStructure().ShouldBeNull();
        var orders = book.Orders().ToList();
        orders.Count.ShouldBe(book.OrderCount);
        orders.ShouldAllBe(o => o.Remaining > 0);
        List<BookLevel> bids = [];
        List<BookLevel> asks = [];
        book.GetDepth(int.MaxValue, bids, asks);
        Levels(orders.Where(o => o.Side == Side.Buy)).ShouldBe(bids);
        Levels(orders.Where(o => o.Side == Side.Sell)).ShouldBe(asks);
        bids.Select(l => l.Price).ShouldBe(bids.Select(l => l.Price).OrderDescending());
        asks.Select(l => l.Price).ShouldBe(asks.Select(l => l.Price).Order());
        bids.Select(l => l.Price).Distinct().Count().ShouldBe(bids.Count);
        asks.Select(l => l.Price).Distinct().Count().ShouldBe(asks.Count);
        foreach (var level in orders.GroupBy(o => (o.Side, o.Price)))
        {
            level.Select(o => o.Sequence).ShouldBe(level.Select(o => o.Sequence).Order());
        }

        book.TryGetBestBid(out var bid).ShouldBe(bids.Count > 0);
        if (bids.Count > 0)
        {
            bid.ShouldBe(bids[0].Price);
        }

        book.TryGetBestAsk(out var ask).ShouldBe(asks.Count > 0);
        if (asks.Count > 0)
        {
            ask.ShouldBe(asks[0].Price);
        }

        foreach (var o in orders)
        {
            book.TryGetOrder(o.OrderId, out var found).ShouldBeTrue();
            found.ShouldBe(o);
        }
    }

    // Orders() yields each side best price first, so consecutive grouping keeps that order.
    private static List<BookLevel> Levels(IEnumerable<RestingOrder> side)
    {
        List<BookLevel> levels = [];
        foreach (var o in side)
        {
            if (levels.Count > 0 && levels[^1].Price == o.Price)
            {
                levels[^1] = levels[^1] with { Quantity = levels[^1].Quantity + o.Remaining, Orders = levels[^1].Orders + 1 };
            }
            else
            {
                levels.Add(new BookLevel(o.Price, o.Remaining, 1));
            }
        }

        return levels;
    }
}
