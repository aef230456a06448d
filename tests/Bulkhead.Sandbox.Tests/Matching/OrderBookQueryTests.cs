using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Matching;

public sealed class OrderBookQueryTests
{
    private readonly BookHarness _h = new();

    public OrderBookQueryTests()
    {
        _h.Limit(1, 10, Side.Buy, 98, 1);
        _h.Limit(2, 11, Side.Buy, 100, 2);
        _h.Limit(3, 12, Side.Buy, 100, 3);
        _h.Limit(4, 10, Side.Sell, 103, 4);
        _h.Limit(5, 11, Side.Sell, 101, 5);
        _h.Limit(6, 12, Side.Sell, 102, 6);
    }

    [Fact]
    public void GetDepth_BestFirstWithTotals()
    {
        List<BookLevel> bids = [new(1, 1, 1)];
        List<BookLevel> asks = [];

        _h.Book.GetDepth(2, bids, asks);

        bids.ShouldBe([new BookLevel(100, 5, 2), new BookLevel(98, 1, 1)]);
        asks.ShouldBe([new BookLevel(101, 5, 1), new BookLevel(102, 6, 1)]);
    }

    [Fact]
    public void GetDepth_MoreLevelsThanTheBook_AllLevels()
    {
        List<BookLevel> bids = [];
        List<BookLevel> asks = [];

        _h.Book.GetDepth(100, bids, asks);

        bids.Count.ShouldBe(2);
        asks.Count.ShouldBe(3);
    }

    [Fact]
    public void Orders_BidsThenAsks_BestPriceThenOldest()
    {
        _h.Book.Orders().ToArray().ShouldBe([
            new RestingOrder(2, 11, Side.Buy, 100, 2, 2),
            new RestingOrder(3, 12, Side.Buy, 100, 3, 3),
            new RestingOrder(1, 10, Side.Buy, 98, 1, 1),
            new RestingOrder(5, 11, Side.Sell, 101, 5, 5),
            new RestingOrder(6, 12, Side.Sell, 102, 6, 6),
            new RestingOrder(4, 10, Side.Sell, 103, 4, 4),
        ]);
    }

    [Fact]
    public void Sweep_WithinLimit_QuantityNotionalAndWorstPrice()
    {
        _h.Book.Sweep(Side.Buy, 8, 102).ShouldBe(new SweepEstimate(8, (101m * 5) + (102m * 3), 102));
        _h.Book.Sweep(Side.Buy, 100, 102).ShouldBe(new SweepEstimate(11, (101m * 5) + (102m * 6), 102));
        _h.Book.Sweep(Side.Buy, 100, null).ShouldBe(new SweepEstimate(15, (101m * 5) + (102m * 6) + (103m * 4), 103));
        _h.Book.Sweep(Side.Sell, 4, 99).ShouldBe(new SweepEstimate(4, 400m, 100));
        _h.Book.Sweep(Side.Sell, 4, 101).ShouldBe(new SweepEstimate(0, 0m, 0));
        _h.Book.Sweep(Side.Sell, 0, null).ShouldBe(new SweepEstimate(0, 0m, 0));
    }

    [Fact]
    public void Sweep_SkipOwner_PassesOverItsOrders()
    {
        _h.Book.Sweep(Side.Sell, 4, null, skipOwner: 11).ShouldBe(new SweepEstimate(4, 300m + 98m, 98));
    }

    [Fact]
    public void Sweep_ChangesNothing()
    {
        var before = _h.Book.Orders().ToArray();

        _h.Book.Sweep(Side.Buy, 1000, null);

        _h.Book.Orders().ToArray().ShouldBe(before);
    }

    [Fact]
    public void TryGetOrder_RestingAndUnknown()
    {
        _h.Book.TryGetOrder(6, out var order).ShouldBeTrue();
        order.ShouldBe(new RestingOrder(6, 12, Side.Sell, 102, 6, 6));
        _h.Book.TryGetOrder(7, out order).ShouldBeFalse();
        order.ShouldBe(default);
    }

    [Fact]
    public void Clear_EmptiesTheBook_ThenItWorksAgain()
    {
        _h.Events.Clear();

        _h.Book.Clear();

        _h.Events.Events.ShouldBeEmpty();
        _h.Book.OrderCount.ShouldBe(0);
        _h.Book.Orders().ShouldBeEmpty();
        _h.Limit(2, 11, Side.Buy, 100, 2).Status.ShouldBe(SubmitStatus.Rested);
        _h.Limit(7, 12, Side.Sell, 100, 1).Status.ShouldBe(SubmitStatus.Filled);
    }

    [Fact]
    public void Cancel_ManyLevelsBehindTheBest_DepthSkipsThemAndPricesComeBack()
    {
        var book = new BookHarness();
        for (var i = 1; i <= 200; i++)
        {
            book.Limit(i, 1, Side.Buy, i, 1);
        }

        for (var i = 1; i < 200; i++)
        {
            if (i % 4 != 0)
            {
                book.Cancel(i).ShouldBeTrue();
                book.Book.CheckStructure().ShouldBeNull();
            }
        }

        book.Book.LevelEntries.ShouldBeLessThan(150);   // compacted at least once

        List<BookLevel> bids = [];
        List<BookLevel> asks = [];
        book.Book.GetDepth(3, bids, asks);
        bids.ShouldBe([new BookLevel(200, 1, 1), new BookLevel(196, 1, 1), new BookLevel(192, 1, 1)]);
        book.Limit(1001, 2, Side.Buy, 199, 5).Status.ShouldBe(SubmitStatus.Rested);
        book.Limit(1002, 3, Side.Sell, 150, 1000).ShouldBe(new SubmitResult(SubmitStatus.PartiallyFilledRested, 18, 982));
        book.Book.CheckStructure().ShouldBeNull();
        book.Book.TryGetBestBid(out var bid).ShouldBeTrue();
        bid.ShouldBe(148);
    }

    [Fact]
    public void Engine_Book_CreatedOnceBySymbol()
    {
        var engine = new MatchingEngine();

        var book = engine.Book("XBT/USD");

        engine.Book("XBT/USD").ShouldBeSameAs(book);
        book.Symbol.ShouldBe("XBT/USD");
        engine.Book("ETH/USD").ShouldNotBeSameAs(book);
        engine.Books.Count.ShouldBe(2);
    }
}
