using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Tests.Matching;

/// <summary>A book and a recording listener with short helpers for unit tests.</summary>
internal sealed class BookHarness
{
    public OrderBook Book { get; } = new("XBT/USD");

    public RecordingListener Events { get; } = new();

    public SubmitResult Limit(long id, long owner, Side side, long price, long quantity,
        TimeInForce tif = TimeInForce.GoodTillCancelled, bool postOnly = false, SelfTradePrevention stp = SelfTradePrevention.CancelNewest) =>
        Book.Submit(new NewOrder(id, owner, side, OrderKind.Limit, price, quantity, tif, postOnly, stp), Events);

    public SubmitResult Market(long id, long owner, Side side, long quantity, SelfTradePrevention stp = SelfTradePrevention.CancelNewest) =>
        Book.Submit(new NewOrder(id, owner, side, OrderKind.Market, 0, quantity, SelfTrade: stp), Events);

    public AmendStatus Amend(long id, long price, long remaining) => Book.Amend(id, price, remaining, Events);

    public bool Cancel(long id) => Book.Cancel(id, Events);

    /// <summary>The resting order ids, bids best first then asks best first, oldest first per price.</summary>
    public long[] RestingIds() => Book.Orders().Select(o => o.OrderId).ToArray();

    public long Remaining(long id) => Book.TryGetOrder(id, out var order) ? order.Remaining : 0;

    public static MatchEvent Rested(long id, long remaining) => new(MatchEventKind.Rested, id, remaining, null, null);

    public static MatchEvent Cancelled(long id, long remaining, CancelReason reason) => new(MatchEventKind.Cancelled, id, remaining, reason, null);

    public static MatchEvent Filled(long maker, long makerOwner, long taker, long takerOwner, Side takerSide, long price, long quantity, long makerRemaining, long takerRemaining) =>
        new(MatchEventKind.Fill, taker, takerRemaining, null, new Fill(maker, makerOwner, taker, takerOwner, takerSide, price, quantity, makerRemaining, takerRemaining));
}
