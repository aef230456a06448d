using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Books;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>Local books fed by the sandbox's seeded market over real sockets, compared with the exchange's own book.</summary>
public sealed class BookFeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Books_TenMinutesOfSeededMarket_EveryMessageVerifiedAndTheBooksEqualTheExchange()
    {
        await using var sandbox = await SocketSandbox.StartAsync(market: true, seed: 11, depthLevels: 40);
        var spot = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: false);
        var unified = await sandbox.ConnectAsync(SocketProtocol.Unified, isPrivate: false);
        var spotBook = (await spot.SubscribeBookAsync(SocketSandbox.SpotSymbol, 10, Ct)).GetValueOrThrow();
        var futuresBook = (await unified.SubscribeBookAsync(SocketSandbox.Perpetual, 25, Ct)).GetValueOrThrow();

        for (var batch = 0; batch < 60; batch++)
        {
            sandbox.Step(10);
            await MatchesAsync(spotBook, () => sandbox.Exchange.Depth(TradingVenue.Spot, SocketSandbox.SpotPair, 10));
            await MatchesAsync(futuresBook, () => sandbox.Exchange.Depth(TradingVenue.Futures, SocketSandbox.Perpetual, 25));
        }

        spotBook.Resyncs.ShouldBe(0);
        futuresBook.Resyncs.ShouldBe(0);
        spot.GetStats().ShouldSatisfyAllConditions(s => s.BookResyncs.ShouldBe(0), s => s.MalformedMessages.ShouldBe(0), s => s.Reconnects.ShouldBe(0));
        spotBook.Book.Version.ShouldBeGreaterThan(60);
        futuresBook.Book.Version.ShouldBeGreaterThan(60);
    }

    /// <summary>Waits until the local book is synchronised and equals the exchange's levels (the market does not move meanwhile).</summary>
    internal static Task MatchesAsync(BookFeed feed, Func<(IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> Bids, IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> Asks)> exchange) =>
        Eventually.TrueAsync(
            () =>
            {
                var (bids, asks) = exchange();
                return feed.Book.IsSynchronised
                    && feed.Book.Bids().Select(l => (l.Price, l.Quantity)).SequenceEqual(bids.Select(l => (l.Price, l.Quantity)))
                    && feed.Book.Asks().Select(l => (l.Price, l.Quantity)).SequenceEqual(asks.Select(l => (l.Price, l.Quantity)));
            },
            $"the local book {feed.Book.Symbol} equals the exchange's");
}
