using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;
using static Bulkhead.Sandbox.Tests.Matching.BookHarness;

namespace Bulkhead.Sandbox.Tests.Matching;

/// <summary>Kraken <c>stptype</c>: the taker's mode decides when it meets a resting order of the same owner.</summary>
public sealed class SelfTradePreventionTests
{
    private readonly BookHarness _h = new();

    public SelfTradePreventionTests()
    {
        _h.Limit(1, 20, Side.Sell, 100, 2);  // someone else, better price
        _h.Limit(2, 10, Side.Sell, 101, 2);  // the taker's own order
        _h.Limit(3, 20, Side.Sell, 101, 2);  // someone else, behind it
        _h.Events.Clear();
    }

    [Fact]
    public void CancelNewest_TakerRestCancelled_OwnOrderStays()
    {
        _h.Limit(9, 10, Side.Buy, 101, 5).ShouldBe(new SubmitResult(SubmitStatus.Cancelled, 2, 0));

        _h.Events.Events.ShouldBe([
            Filled(1, 20, 9, 10, Side.Buy, 100, 2, 0, 3),
            Cancelled(9, 3, CancelReason.SelfTrade),
        ]);
        _h.RestingIds().ShouldBe([2L, 3L]);
    }

    [Fact]
    public void CancelNewest_IsTheDefault()
    {
        _h.Book.Submit(new NewOrder(9, 10, Side.Buy, OrderKind.Limit, 101, 5), _h.Events).Status.ShouldBe(SubmitStatus.Cancelled);

        _h.RestingIds().ShouldBe([2L, 3L]);
    }

    [Fact]
    public void CancelOldest_OwnOrderCancelled_TakerGoesOn()
    {
        _h.Limit(9, 10, Side.Buy, 101, 5, stp: SelfTradePrevention.CancelOldest).ShouldBe(new SubmitResult(SubmitStatus.PartiallyFilledRested, 4, 1));

        _h.Events.Events.ShouldBe([
            Filled(1, 20, 9, 10, Side.Buy, 100, 2, 0, 3),
            Cancelled(2, 2, CancelReason.SelfTrade),
            Filled(3, 20, 9, 10, Side.Buy, 101, 2, 0, 1),
            Rested(9, 1),
        ]);
        _h.RestingIds().ShouldBe([9L]);
    }

    [Fact]
    public void CancelBoth_OwnOrderAndTakerRestCancelled()
    {
        _h.Limit(9, 10, Side.Buy, 101, 5, stp: SelfTradePrevention.CancelBoth).ShouldBe(new SubmitResult(SubmitStatus.Cancelled, 2, 0));

        _h.Events.Events.ShouldBe([
            Filled(1, 20, 9, 10, Side.Buy, 100, 2, 0, 3),
            Cancelled(2, 2, CancelReason.SelfTrade),
            Cancelled(9, 3, CancelReason.SelfTrade),
        ]);
        _h.RestingIds().ShouldBe([3L]);
    }

    [Fact]
    public void CancelBoth_LastOrderOfLevel_LevelRemoved()
    {
        _h.Cancel(3);

        _h.Limit(9, 10, Side.Buy, 101, 5, stp: SelfTradePrevention.CancelBoth);

        _h.Book.OrderCount.ShouldBe(0);
        _h.Book.TryGetBestAsk(out _).ShouldBeFalse();
    }

    [Fact]
    public void Market_CancelNewest_StopsAtOwnOrder()
    {
        _h.Market(9, 10, Side.Buy, 10).ShouldBe(new SubmitResult(SubmitStatus.Cancelled, 2, 0));

        _h.Events.Events[^1].ShouldBe(Cancelled(9, 8, CancelReason.SelfTrade));
    }

    [Fact]
    public void DifferentOwners_NoPrevention()
    {
        _h.Limit(9, 30, Side.Buy, 101, 6).ShouldBe(new SubmitResult(SubmitStatus.Filled, 6, 0));

        _h.Events.Fills.Select(f => f.MakerOrderId).ShouldBe([1L, 2L, 3L]);
    }
}
