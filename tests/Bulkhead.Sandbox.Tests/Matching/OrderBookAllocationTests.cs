using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Matching;

/// <summary>The speed design's promise: once warmed up, adds, cancels, takes and amends allocate nothing.</summary>
public sealed class OrderBookAllocationTests
{
    [Fact]
    public void SteadyState_AddCancelTakeAmend_AllocatesNothing()
    {
        var book = new OrderBook("XBT/USD");
        var listener = new CountingListener();
        Cycle(book, listener, 2_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Cycle(book, listener, 20_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBe(0);
        listener.Fills.ShouldBePositive();
        book.IsCrossed.ShouldBeFalse();
    }

    // 500 resting orders per side on 50 levels, re-quoted, amended and taken against in a fixed pattern.
    private static void Cycle(OrderBook book, CountingListener listener, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < 2; k++)
            {
                var id = (((long)round * 2) + k) % 1_000;
                var side = id % 2 == 0 ? Side.Buy : Side.Sell;
                var price = side == Side.Buy ? 1_000 - 1 - (id % 50) : 1_000 + 1 + (id % 50);
                book.Cancel(id, listener);
                book.Submit(new NewOrder(id, id % 7, side, OrderKind.Limit, price, 1 + (id % 9)), listener);
                book.Amend(id, price, 1 + (id % 5), listener);
            }

            book.Submit(new NewOrder(-1, 100, round % 2 == 0 ? Side.Buy : Side.Sell, OrderKind.Market, 0, 3), listener);
        }
    }

    private sealed class CountingListener : IMatchListener
    {
        public long Fills { get; private set; }

        public void OnFill(in Fill fill) => Fills++;

        public void OnRested(long orderId, long remaining)
        {
        }

        public void OnCancelled(long orderId, long remaining, CancelReason reason)
        {
        }
    }
}
