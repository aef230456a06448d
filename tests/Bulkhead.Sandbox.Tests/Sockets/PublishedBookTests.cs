using Bulkhead.Sandbox.Api.Sockets;
using Bulkhead.Sandbox.Api.Sockets.Channels;
using Bulkhead.Sandbox.Market;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>The diff rules of the <c>book</c> channel's published state.</summary>
public sealed class PublishedBookTests
{
    private static readonly SocketInstrument Btc = SocketInstrument.Find("BTC/USD", unified: false)!;

    [Fact]
    public void Apply_Unchanged_AnswersNull()
    {
        var book = new PublishedBook(Btc, 2);
        book.Apply(Depth([(100m, 1m)], [(101m, 1m)])).ShouldNotBeNull();

        book.Apply(Depth([(100m, 1m)], [(101m, 1m)])).ShouldBeNull();
    }

    [Fact]
    public void Apply_LevelRemovedInsideWindow_SendsQtyZero()
    {
        var book = new PublishedBook(Btc, 2);
        book.Apply(Depth([(100m, 1m), (99m, 2m)], []));

        var changes = book.Apply(Depth([(100m, 1m)], []))!.Value;

        changes.Bids.ShouldBe([new WireLevel(99m, "99.0", "0.00000000")]);
        changes.Asks.ShouldBeEmpty();
    }

    [Fact]
    public void Apply_LevelPushedBelowTheWindow_IsNotSent()
    {
        var book = new PublishedBook(Btc, 2);
        book.Apply(Depth([], [(101m, 1m), (102m, 2m)]));

        var changes = book.Apply(Depth([], [(100.5m, 3m), (101m, 1m), (102m, 2m)]))!.Value;

        changes.Asks.ShouldBe([new WireLevel(100.5m, "100.5", "3.00000000")]);
        book.Asks.Select(l => l.Price).ShouldBe([100.5m, 101m]);
    }

    [Fact]
    public void Apply_QuantityChanged_SendsTheNewQuantityAndUpdatesTheChecksum()
    {
        var book = new PublishedBook(Btc, 10);
        book.Apply(Depth([(100m, 1m)], [(101m, 1m)]));
        var before = book.Checksum;

        var changes = book.Apply(Depth([(100m, 1.5m)], [(101m, 1m)]))!.Value;

        changes.Bids.ShouldBe([new WireLevel(100m, "100.0", "1.50000000")]);
        book.Checksum.ShouldNotBe(before);
        book.Checksum.ShouldBe(Bulkhead.Kraken.Books.BookChecksum.Compute([("101.0", "1.00000000")], [("100.0", "1.50000000")]));
    }

    private static BookDepth Depth(IReadOnlyList<(decimal Price, decimal Volume)> bids, IReadOnlyList<(decimal Price, decimal Volume)> asks) =>
        new([.. bids.Select(l => new MarketLevel(l.Price, l.Volume))], [.. asks.Select(l => new MarketLevel(l.Price, l.Volume))]);
}
