using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Matching;

public sealed class OrderBookTests
{
    private readonly OrderBook _book = new("XBT/USD");
    private readonly RecordingListener _events = new();

    private SubmitResult Limit(long id, long owner, Side side, long price, long quantity,
        TimeInForce tif = TimeInForce.GoodTillCancelled, bool postOnly = false, SelfTradePrevention stp = SelfTradePrevention.CancelNewest) =>
        _book.Submit(new NewOrder(id, owner, side, OrderKind.Limit, price, quantity, tif, postOnly, stp), _events);

    private SubmitResult Market(long id, long owner, Side side, long quantity, SelfTradePrevention stp = SelfTradePrevention.CancelNewest) =>
        _book.Submit(new NewOrder(id, owner, side, OrderKind.Market, 0, quantity, SelfTrade: stp), _events);

    [Fact]
    public void Submit_NonCrossingLimit_Rests()
    {
        Limit(1, 10, Side.Buy, 100, 5).ShouldBe(new SubmitResult(SubmitStatus.Rested, 0, 5));
        Limit(2, 11, Side.Sell, 101, 7).ShouldBe(new SubmitResult(SubmitStatus.Rested, 0, 7));

        _book.OrderCount.ShouldBe(2);
        _book.TryGetBestBid(out var bid).ShouldBeTrue();
        bid.ShouldBe(100);
        _book.TryGetBestAsk(out var ask).ShouldBeTrue();
        ask.ShouldBe(101);
        _book.IsCrossed.ShouldBeFalse();
        _events.Events.ShouldBe([
            new MatchEvent(MatchEventKind.Rested, 1, 5, null, null),
            new MatchEvent(MatchEventKind.Rested, 2, 7, null, null),
        ]);
    }
}
