using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Market;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>A reader that does not keep up with a market feed.</summary>
public sealed class FeedOverflowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MarketFeed_ReaderTooSlow_DropsTheOldestAndTheConnectionCarriesOn()
    {
        await using var sandbox = await SocketSandbox.StartAsync(market: true);
        var client = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: false, configure: o => o.MarketFeedCapacity = 4);
        var ticker = (await client.SubscribeTickerAsync(SocketSandbox.SpotSymbol, TickerTrigger.BestBidOffer, Ct)).GetValueOrThrow();
        var book = (await client.SubscribeBookAsync(SocketSandbox.SpotSymbol, 10, Ct)).GetValueOrThrow();

        for (var i = 0; i < 40; i++)
        {
            sandbox.Step(1);
            await BookFeedTests.MatchesAsync(book, () => sandbox.Exchange.Depth(Bulkhead.Sandbox.Trading.TradingVenue.Spot, SocketSandbox.SpotPair, 10));
        }

        ticker.Dropped.ShouldBeGreaterThan(0);
        ticker.Reader.Count.ShouldBe(4);
        client.GetStats().ShouldSatisfyAllConditions(s => s.Reconnects.ShouldBe(0), s => s.State.ShouldBe(SocketConnectionState.Connected));

        // What is left to read is the newest: the last message shows the top of the book (its frame may trail the book's).
        var newest = default(TickerUpdate);
        await Eventually.TrueAsync(
            () =>
            {
                while (ticker.Reader.TryRead(out var batch))
                {
                    newest = batch.Items[^1];
                }

                return newest is not null && newest.Bid == book.Book.BestBid!.Value.Price && newest.Ask == book.Book.BestAsk!.Value.Price;
            },
            "the newest ticker shows the book's top");
    }
}
