using Bulkhead.Kraken.Books;
using Bulkhead.Sandbox.Api.Sockets;
using Bulkhead.Sandbox.Api.Sockets.Channels;
using Bulkhead.Sandbox.Market;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>The diff rules of the <c>level3</c> channel's published state.</summary>
public sealed class PublishedOrdersTests
{
    private static readonly SocketInstrument Btc = SocketInstrument.Find("BTC/USD", unified: false)!;
    private static readonly DateTimeOffset Opened = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Opened.AddMinutes(1);

    [Fact]
    public void Apply_Unchanged_AnswersNull()
    {
        var book = new PublishedOrders(Btc, 10);
        book.Apply(Read([Order("A", 100m, 1m, 1)], [Order("B", 101m, 1m, 2)]), Now).ShouldNotBeNull();

        book.Apply(Read([Order("A", 100m, 1m, 1)], [Order("B", 101m, 1m, 2)]), Now).ShouldBeNull();
    }

    [Fact]
    public void Apply_QuantityChangedInPlace_SendsModifyAndTheL3Checksum()
    {
        var book = new PublishedOrders(Btc, 10);
        book.Apply(Read([Order("A", 100m, 1m, 1), Order("B", 100m, 2m, 2)], []), Now);

        var events = book.Apply(Read([Order("A", 100m, 0.4m, 1), Order("B", 100m, 2m, 2)], []), Now)!.Value;

        events.Bids.Select(e => (e.Event, e.Order.OrderId, e.Order.QtyText)).ShouldBe([("modify", "A", "0.40000000")]);
        events.Bids[0].Timestamp.ShouldBe(Now);
        book.Checksum.ShouldBe(BookChecksum.ComputeLevel3([], [[("100.0", "0.40000000"), ("100.0", "2.00000000")]]));
    }

    [Fact]
    public void Apply_PriorityLost_SendsDeleteThenAddAtTheBack()
    {
        var book = new PublishedOrders(Btc, 10);
        book.Apply(Read([], [Order("A", 101m, 1m, 1), Order("B", 101m, 1m, 2)]), Now);

        var events = book.Apply(Read([], [Order("B", 101m, 1m, 2), Order("A", 101m, 3m, 9)]), Now)!.Value;

        events.Asks.Select(e => (e.Event, e.Order.OrderId)).ShouldBe([("delete", "A"), ("add", "A")]);
        events.Asks[1].Timestamp.ShouldBe(Opened);
        book.Asks.Select(o => o.OrderId).ShouldBe(["B", "A"]);
    }

    [Fact]
    public void Apply_LevelRemovedInsideWindow_DeletesItsOrdersAndAddsTheNextLevel()
    {
        var book = new PublishedOrders(Btc, 2);
        book.Apply(Read([Order("A", 100m, 1m, 1), Order("B", 99m, 1m, 2)], []), Now);

        var events = book.Apply(Read([Order("B", 99m, 1m, 2), Order("C", 98m, 1m, 3), Order("D", 98m, 2m, 4)], []), Now)!.Value;

        events.Bids.Select(e => (e.Event, e.Order.OrderId)).ShouldBe([("delete", "A"), ("add", "C"), ("add", "D")]);
    }

    [Fact]
    public void Apply_LevelPushedBelowAFullWindow_IsNotDeleted()
    {
        var book = new PublishedOrders(Btc, 2);
        book.Apply(Read([], [Order("A", 101m, 1m, 1), Order("B", 102m, 1m, 2), Order("C", 102m, 1m, 3)]), Now);

        var events = book.Apply(Read([], [Order("D", 100.5m, 1m, 4), Order("A", 101m, 1m, 1), Order("B", 102m, 1m, 2), Order("C", 102m, 1m, 3)]), Now)!.Value;

        events.Asks.Select(e => (e.Event, e.Order.OrderId)).ShouldBe([("add", "D")]);
        book.Asks.Select(o => o.OrderId).ShouldBe(["D", "A"]);
    }

    private static BookOrder Order(string id, decimal price, decimal qty, long priority) => new(id, price, qty, priority, Opened);

    private static (IReadOnlyList<BookOrder>, IReadOnlyList<BookOrder>) Read(BookOrder[] bids, BookOrder[] asks) => (bids, asks);
}
