using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;
using static Bulkhead.Sandbox.Tests.Matching.BookHarness;

namespace Bulkhead.Sandbox.Tests.Matching;

public sealed class OrderBookTests
{
    private readonly BookHarness _h = new();

    [Fact]
    public void Submit_NonCrossingLimit_Rests()
    {
        _h.Limit(1, 10, Side.Buy, 100, 5).ShouldBe(new SubmitResult(SubmitStatus.Rested, 0, 5));
        _h.Limit(2, 11, Side.Sell, 101, 7).ShouldBe(new SubmitResult(SubmitStatus.Rested, 0, 7));

        _h.Book.OrderCount.ShouldBe(2);
        _h.Book.TryGetBestBid(out var bid).ShouldBeTrue();
        bid.ShouldBe(100);
        _h.Book.TryGetBestAsk(out var ask).ShouldBeTrue();
        ask.ShouldBe(101);
        _h.Book.IsCrossed.ShouldBeFalse();
        _h.Events.Events.ShouldBe([Rested(1, 5), Rested(2, 7)]);
    }

    [Fact]
    public void Submit_EmptyBook_NoBestPrices()
    {
        _h.Book.TryGetBestBid(out var bid).ShouldBeFalse();
        _h.Book.TryGetBestAsk(out var ask).ShouldBeFalse();
        (bid, ask).ShouldBe((0L, 0L));
        _h.Book.OrderCount.ShouldBe(0);
    }

    [Fact]
    public void Submit_SamePrice_OldestFillsFirst()
    {
        _h.Limit(1, 10, Side.Sell, 100, 3);
        _h.Limit(2, 11, Side.Sell, 100, 3);
        _h.Events.Clear();

        _h.Limit(3, 12, Side.Buy, 100, 4).ShouldBe(new SubmitResult(SubmitStatus.Filled, 4, 0));

        _h.Events.Events.ShouldBe([
            Filled(1, 10, 3, 12, Side.Buy, 100, 3, 0, 1),
            Filled(2, 11, 3, 12, Side.Buy, 100, 1, 2, 0),
        ]);
        _h.RestingIds().ShouldBe([2L]);
        _h.Remaining(2).ShouldBe(2);
    }

    [Fact]
    public void Submit_BetterPriceFirst_FillsAtMakerPrices()
    {
        _h.Limit(1, 10, Side.Sell, 102, 1);
        _h.Limit(2, 10, Side.Sell, 101, 1);
        _h.Limit(3, 10, Side.Sell, 103, 1);
        _h.Events.Clear();

        _h.Limit(4, 11, Side.Buy, 105, 2).ShouldBe(new SubmitResult(SubmitStatus.Filled, 2, 0));

        _h.Events.Fills.Select(f => (f.MakerOrderId, f.Price)).ShouldBe([(2L, 101L), (1L, 102L)]);
        _h.RestingIds().ShouldBe([3L]);
    }

    [Fact]
    public void Submit_SellTaker_WalksBidsDown()
    {
        _h.Limit(1, 10, Side.Buy, 99, 2);
        _h.Limit(2, 10, Side.Buy, 100, 2);
        _h.Events.Clear();

        _h.Limit(3, 11, Side.Sell, 99, 3).ShouldBe(new SubmitResult(SubmitStatus.Filled, 3, 0));

        _h.Events.Fills.Select(f => (f.MakerOrderId, f.Price, f.Quantity)).ShouldBe([(2L, 100L, 2L), (1L, 99L, 1L)]);
    }

    [Fact]
    public void Submit_LargerThanLiquidityInLimit_PartiallyFillsAndRestsTheRest()
    {
        _h.Limit(1, 10, Side.Sell, 100, 2);
        _h.Limit(2, 10, Side.Sell, 102, 2);
        _h.Events.Clear();

        _h.Limit(3, 11, Side.Buy, 101, 5).ShouldBe(new SubmitResult(SubmitStatus.PartiallyFilledRested, 2, 3));

        _h.Events.Events.ShouldBe([Filled(1, 10, 3, 11, Side.Buy, 100, 2, 0, 3), Rested(3, 3)]);
        _h.Book.TryGetBestBid(out var bid).ShouldBeTrue();
        bid.ShouldBe(101);
        _h.Book.TryGetBestAsk(out var ask).ShouldBeTrue();
        ask.ShouldBe(102);
    }

    [Fact]
    public void Submit_MarketOnEmptyBook_CancelledNoLiquidity()
    {
        _h.Market(1, 10, Side.Buy, 5).ShouldBe(new SubmitResult(SubmitStatus.Cancelled, 0, 0));

        _h.Events.Events.ShouldBe([Cancelled(1, 5, CancelReason.NoLiquidity)]);
        _h.Book.OrderCount.ShouldBe(0);
    }

    [Fact]
    public void Submit_MarketBeyondLiquidity_TakesAllLevelsAndCancelsTheRest()
    {
        _h.Limit(1, 10, Side.Buy, 100, 2);
        _h.Limit(2, 10, Side.Buy, 50, 2);
        _h.Events.Clear();

        _h.Market(3, 11, Side.Sell, 6).ShouldBe(new SubmitResult(SubmitStatus.Cancelled, 4, 0));

        _h.Events.Events.ShouldBe([
            Filled(1, 10, 3, 11, Side.Sell, 100, 2, 0, 4),
            Filled(2, 10, 3, 11, Side.Sell, 50, 2, 0, 2),
            Cancelled(3, 2, CancelReason.NoLiquidity),
        ]);
        _h.Book.OrderCount.ShouldBe(0);
    }

    [Fact]
    public void Submit_ImmediateOrCancel_FillsWhatCrossesAndCancelsTheRest()
    {
        _h.Limit(1, 10, Side.Sell, 100, 2);
        _h.Limit(2, 10, Side.Sell, 101, 2);
        _h.Events.Clear();

        _h.Limit(3, 11, Side.Buy, 100, 5, TimeInForce.ImmediateOrCancel).ShouldBe(new SubmitResult(SubmitStatus.Cancelled, 2, 0));

        _h.Events.Events.ShouldBe([Filled(1, 10, 3, 11, Side.Buy, 100, 2, 0, 3), Cancelled(3, 3, CancelReason.ImmediateOrCancel)]);
        _h.RestingIds().ShouldBe([2L]);
    }

    [Fact]
    public void Submit_ImmediateOrCancelNotCrossing_CancelledWholly()
    {
        _h.Limit(1, 10, Side.Sell, 101, 2);

        _h.Limit(2, 11, Side.Buy, 100, 5, TimeInForce.ImmediateOrCancel).ShouldBe(new SubmitResult(SubmitStatus.Cancelled, 0, 0));

        _h.Events.Events[^1].ShouldBe(Cancelled(2, 5, CancelReason.ImmediateOrCancel));
        _h.RestingIds().ShouldBe([1L]);
    }

    [Fact]
    public void Submit_PostOnlyThatWouldTake_RejectedAndNothingChanges()
    {
        _h.Limit(1, 10, Side.Sell, 100, 2);
        _h.Limit(2, 10, Side.Buy, 99, 2);
        var before = _h.Book.Orders().ToArray();
        _h.Events.Clear();

        _h.Limit(3, 11, Side.Buy, 100, 5, postOnly: true).ShouldBe(new SubmitResult(SubmitStatus.Rejected, 0, 0));

        _h.Events.Events.ShouldBe([Cancelled(3, 5, CancelReason.PostOnly)]);
        _h.Book.Orders().ToArray().ShouldBe(before);
    }

    [Fact]
    public void Submit_PostOnlyNotCrossing_Rests()
    {
        _h.Limit(1, 10, Side.Sell, 100, 2);

        _h.Limit(2, 11, Side.Buy, 99, 5, postOnly: true).ShouldBe(new SubmitResult(SubmitStatus.Rested, 0, 5));
    }

    [Fact]
    public void Cancel_RestingOrder_RemovesItAndItsEmptyLevel()
    {
        _h.Limit(1, 10, Side.Buy, 100, 2);
        _h.Limit(2, 10, Side.Buy, 99, 2);

        _h.Cancel(1).ShouldBeTrue();

        _h.Events.Events[^1].ShouldBe(Cancelled(1, 2, CancelReason.User));
        _h.Book.TryGetBestBid(out var bid).ShouldBeTrue();
        bid.ShouldBe(99);
        _h.Book.TryGetOrder(1, out _).ShouldBeFalse();
    }

    [Fact]
    public void Cancel_UnknownOrFilledOrder_ReturnsFalseWithoutEvents()
    {
        _h.Limit(1, 10, Side.Buy, 100, 2);
        _h.Limit(2, 11, Side.Sell, 100, 2);
        _h.Events.Clear();

        _h.Cancel(1).ShouldBeFalse();
        _h.Cancel(42).ShouldBeFalse();

        _h.Events.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Submit_Misuse_Throws()
    {
        _h.Limit(1, 10, Side.Buy, 100, 2);

        Should.Throw<ArgumentException>(() => _h.Limit(1, 10, Side.Buy, 99, 2));
        Should.Throw<ArgumentException>(() => _h.Limit(2, 10, Side.Buy, 99, 0));
        Should.Throw<ArgumentException>(() => _h.Limit(3, 10, Side.Buy, 0, 1));
        Should.Throw<ArgumentException>(() => _h.Book.Submit(new NewOrder(4, 10, Side.Buy, OrderKind.Market, 0, 1, PostOnly: true), _h.Events));
        _h.RestingIds().ShouldBe([1L]);
    }

    [Fact]
    public void Submit_IdOfAFilledOrder_CanBeReused()
    {
        _h.Limit(1, 10, Side.Buy, 100, 2);
        _h.Limit(2, 11, Side.Sell, 100, 2);

        _h.Limit(1, 10, Side.Buy, 100, 2).Status.ShouldBe(SubmitStatus.Rested);
    }
}
