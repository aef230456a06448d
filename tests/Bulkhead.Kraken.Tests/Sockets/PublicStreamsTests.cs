using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Market;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>The public channels on both protocols, against the sandbox's seeded market over real sockets.</summary>
public sealed class PublicStreamsTests
{
    [Theory]
    [InlineData(SocketProtocol.SpotV2, SocketSandbox.SpotSymbol)]
    [InlineData(SocketProtocol.Unified, SocketSandbox.Perpetual)]
    public async Task MarketChannels_SeededMarket_DeliverTypedSnapshotsAndUpdates(SocketProtocol protocol, string symbol)
    {
        await using var sandbox = await SocketSandbox.StartAsync(market: true);
        sandbox.Step(5);
        var client = await sandbox.ConnectAsync(protocol, isPrivate: false);

        var ticker = (await client.SubscribeTickerAsync(symbol, TickerTrigger.BestBidOffer, TestContext.Current.CancellationToken)).GetValueOrThrow();
        var trades = (await client.SubscribeTradesAsync(symbol, snapshot: true, TestContext.Current.CancellationToken)).GetValueOrThrow();
        var candles = (await client.SubscribeOhlcAsync(symbol, 1, TestContext.Current.CancellationToken)).GetValueOrThrow();
        var instruments = (await client.SubscribeInstrumentsAsync(TestContext.Current.CancellationToken)).GetValueOrThrow();
        var book = (await client.SubscribeBookAsync(symbol, 10, TestContext.Current.CancellationToken)).GetValueOrThrow();

        var first = await ticker.Reader.NextAsync();
        first.IsSnapshot.ShouldBeTrue();
        var quote = first.Items.ShouldHaveSingleItem();
        quote.Symbol.ShouldBe(symbol);
        quote.Ask.ShouldBeGreaterThan(quote.Bid);
        (quote.MarkPrice is not null).ShouldBe(protocol == SocketProtocol.Unified);

        var reference = (await instruments.Reader.NextAsync()).Items.ShouldHaveSingleItem();
        reference.Pairs.ShouldContain(p => p.Symbol == symbol);

        sandbox.Step(30);
        var update = await ticker.Reader.UntilAsync(b => !b.IsSnapshot, "a ticker update");
        update.Items.ShouldAllBe(t => t.Symbol == symbol);
        var trade = await trades.Reader.UntilAsync(b => b.Items.Count > 0, "a trade");
        trade.Items.ShouldAllBe(t => t.Symbol == symbol && t.Price > 0m && t.Quantity > 0m);
        var candle = await candles.Reader.UntilAsync(b => b.Items.Count > 0, "a candle");
        candle.Items.ShouldAllBe(c => c.Symbol == symbol && c.IntervalMinutes == 1 && c.High >= c.Low);

        await Eventually.TrueAsync(() => book.Book.IsSynchronised, "the book has its snapshot");
        book.Book.Bids().Count.ShouldBe(10);
        book.Book.BestAsk!.Value.Price.ShouldBeGreaterThan(book.Book.BestBid!.Value.Price);
        client.GetStats().Subscriptions.Count.ShouldBe(5);
    }
}
