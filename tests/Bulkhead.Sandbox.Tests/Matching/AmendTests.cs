using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;
using static Bulkhead.Sandbox.Tests.Matching.BookHarness;

namespace Bulkhead.Sandbox.Tests.Matching;

public sealed class AmendTests
{
    private readonly BookHarness _h = new();

    public AmendTests()
    {
        _h.Limit(1, 10, Side.Buy, 100, 5);
        _h.Limit(2, 11, Side.Buy, 100, 5);
        _h.Limit(3, 12, Side.Sell, 105, 5);
        _h.Events.Clear();
    }

    [Fact]
    public void Amend_SamePriceSmallerQuantity_KeepsPriority()
    {
        _h.Book.TryGetOrder(1, out var before).ShouldBeTrue();

        _h.Amend(1, 100, 3).ShouldBe(AmendStatus.Amended);

        _h.Events.Events.ShouldBe([Rested(1, 3)]);
        _h.RestingIds().ShouldBe([1L, 2L, 3L]);
        _h.Book.TryGetOrder(1, out var after).ShouldBeTrue();
        after.ShouldBe(before with { Remaining = 3 });
        LevelQuantity(Side.Buy).ShouldBe(8);
    }

    [Fact]
    public void Amend_SamePriceSameQuantity_KeepsPriority()
    {
        _h.Amend(1, 100, 5).ShouldBe(AmendStatus.Amended);

        _h.RestingIds().ShouldBe([1L, 2L, 3L]);
    }

    [Fact]
    public void Amend_SamePriceLargerQuantity_LosesPriority()
    {
        _h.Amend(1, 100, 6).ShouldBe(AmendStatus.Amended);

        _h.RestingIds().ShouldBe([2L, 1L, 3L]);
        LevelQuantity(Side.Buy).ShouldBe(11);
        _h.Limit(9, 20, Side.Sell, 100, 5);
        _h.Events.Fills.Single().MakerOrderId.ShouldBe(2);
    }

    [Fact]
    public void Amend_NewPrice_BackOfTheNewLevel()
    {
        _h.Limit(4, 13, Side.Buy, 99, 1);

        _h.Amend(2, 99, 5).ShouldBe(AmendStatus.Amended);

        _h.RestingIds().ShouldBe([1L, 4L, 2L, 3L]);
        _h.Book.TryGetOrder(2, out var order).ShouldBeTrue();
        order.Price.ShouldBe(99);
    }

    [Fact]
    public void Amend_PriceAcrossTheSpread_MatchesAsTakerAndRestsTheRest()
    {
        _h.Amend(2, 106, 7).ShouldBe(AmendStatus.Amended);

        _h.Events.Events.ShouldBe([Filled(3, 12, 2, 11, Side.Buy, 105, 5, 0, 2), Rested(2, 2)]);
        _h.Book.TryGetBestBid(out var bid).ShouldBeTrue();
        bid.ShouldBe(106);
        _h.Book.IsCrossed.ShouldBeFalse();
    }

    [Fact]
    public void Amend_CrossingAndFullyFilled_LeavesTheBook()
    {
        _h.Amend(2, 105, 4).ShouldBe(AmendStatus.Amended);

        _h.Events.Events.ShouldBe([Filled(3, 12, 2, 11, Side.Buy, 105, 4, 1, 0)]);
        _h.Book.TryGetOrder(2, out _).ShouldBeFalse();
        _h.Cancel(2).ShouldBeFalse();
    }

    [Fact]
    public void Amend_CrossingOwnOrder_SelfTradePreventionOfTheOrderApplies()
    {
        _h.Limit(4, 12, Side.Buy, 90, 1);
        _h.Events.Clear();

        _h.Amend(4, 105, 1).ShouldBe(AmendStatus.Amended);

        _h.Events.Events.ShouldBe([Cancelled(4, 1, CancelReason.SelfTrade)]);
        _h.Book.TryGetOrder(4, out _).ShouldBeFalse();
        _h.Book.TryGetOrder(3, out _).ShouldBeTrue();
    }

    [Fact]
    public void Amend_PostOnlyThatWouldTake_RejectedAndUnchanged()
    {
        _h.Limit(4, 13, Side.Buy, 99, 1, postOnly: true);
        var before = _h.Book.Orders().ToArray();
        _h.Events.Clear();

        _h.Amend(4, 105, 1).ShouldBe(AmendStatus.Rejected);

        _h.Events.Events.ShouldBeEmpty();
        _h.Book.Orders().ToArray().ShouldBe(before);
    }

    [Fact]
    public void Amend_PostOnlyNotCrossing_Amended()
    {
        _h.Limit(4, 13, Side.Buy, 99, 1, postOnly: true);

        _h.Amend(4, 104, 2).ShouldBe(AmendStatus.Amended);

        _h.Book.TryGetBestBid(out var bid).ShouldBeTrue();
        bid.ShouldBe(104);
    }

    [Fact]
    public void Amend_UnknownOrder_Unknown()
    {
        _h.Amend(42, 100, 1).ShouldBe(AmendStatus.UnknownOrder);
        _h.Events.Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(100, 0)]
    [InlineData(100, -1)]
    [InlineData(0, 1)]
    public void Amend_NonPositive_RejectedAndUnchanged(long price, long remaining)
    {
        var before = _h.Book.Orders().ToArray();

        _h.Amend(1, price, remaining).ShouldBe(AmendStatus.Rejected);

        _h.Book.Orders().ToArray().ShouldBe(before);
        _h.Events.Events.ShouldBeEmpty();
    }

    private long LevelQuantity(Side side)
    {
        List<BookLevel> bids = [];
        List<BookLevel> asks = [];
        _h.Book.GetDepth(1, bids, asks);
        return (side == Side.Buy ? bids : asks)[0].Quantity;
    }
}
