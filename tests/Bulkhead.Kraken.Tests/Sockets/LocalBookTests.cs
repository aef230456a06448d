using System.Text;
using Bulkhead.Kraken.Books;
using Bulkhead.Kraken.Sockets.Books;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>The local book against an independent reference book (its own levels, frames and CRC-32).</summary>
public sealed class LocalBookTests
{
    private static readonly Gen<(bool Bid, long Price, long Qty)> Change =
        Gen.Select(Gen.Bool, Gen.Long[0, 60], Gen.Frequency((2, Gen.Const(0L)), (5, Gen.Long[1, 500_000])), (bid, offset, qty) => (bid, bid ? 5_000 - offset : 5_001 + offset, qty));

    private static readonly Gen<(int Depth, int PriceDecimals, int QtyDecimals, (bool, long, long)[] Snapshot, (bool, long, long)[][] Updates, int Seed)> Scenario =
        Gen.Select(
            Gen.OneOfConst(10, 25),
            Gen.OneOfConst(0, 1, 2, 5),
            Gen.OneOfConst(0, 4, 8),
            Change.Array[0, 80],
            Change.Array[1, 8].Array[1, 60],
            Gen.Int,
            (depth, price, qty, snapshot, updates, seed) => (depth, price, qty, snapshot, updates, seed));

    [Fact]
    public void Apply_GeneratedUpdates_ChecksumMatchesAndBookEqualsTheReferenceAfterEveryOne()
    {
        Scenario.Sample(s =>
        {
            var reference = new ReferenceBook("BTC/USD", s.Depth, s.PriceDecimals, s.QtyDecimals);
            foreach (var (bid, price, qty) in s.Snapshot)
            {
                reference.Set(bid, price, qty);
            }

            var book = new LocalBook("BTC/USD", s.Depth);
            book.Apply(Encoding.UTF8.GetBytes(reference.Snapshot())).ShouldBe(BookApplyResult.Applied);
            Same(book, reference);
            var shuffle = new Random(s.Seed);
            foreach (var update in s.Updates)
            {
                book.Apply(Encoding.UTF8.GetBytes(reference.Update(update, shuffle))).ShouldBe(BookApplyResult.Applied);
                Same(book, reference);
                book.Checksum().ShouldBe(reference.Checksum());
            }

            book.Version.ShouldBe(s.Updates.Length + 1);
        }, iter: 150);
    }

    [Fact]
    public void Apply_AWrongChecksum_MismatchEmptiesTheBookUntilTheNextSnapshot()
    {
        Gen.Select(Scenario, Gen.Int[0, 59]).Sample(input =>
        {
            var (s, corrupt) = input;
            var reference = new ReferenceBook("PF_XBTUSD", s.Depth, s.PriceDecimals, s.QtyDecimals);
            foreach (var (bid, price, qty) in s.Snapshot)
            {
                reference.Set(bid, price, qty);
            }

            var book = new LocalBook("PF_XBTUSD", s.Depth);
            book.Apply(Encoding.UTF8.GetBytes(reference.Snapshot())).ShouldBe(BookApplyResult.Applied);
            var shuffle = new Random(s.Seed);
            var broken = false;
            for (var i = 0; i < s.Updates.Length; i++)
            {
                var frame = Encoding.UTF8.GetBytes(reference.Update(s.Updates[i], shuffle, i == corrupt % s.Updates.Length ? 1u : 0u));
                var result = book.Apply(frame);
                if (i == corrupt % s.Updates.Length)
                {
                    result.ShouldBe(BookApplyResult.ChecksumMismatch);
                    book.IsSynchronised.ShouldBeFalse();
                    book.Bids().ShouldBeEmpty();
                    broken = true;
                }
                else
                {
                    result.ShouldBe(broken ? BookApplyResult.AwaitingSnapshot : BookApplyResult.Applied);
                }
            }

            book.Apply(Encoding.UTF8.GetBytes(reference.Snapshot())).ShouldBe(BookApplyResult.Applied);
            Same(book, reference);
        }, iter: 100);
    }

    [Fact]
    public void Checksum_KrakensWorkedExample_Is3310070434()
    {
        // websocket.md §10: Kraken's canonical example (BTC/USD, price 1 decimal, quantity 8).
        const string frame = """
            {"channel":"book","type":"snapshot","data":[{"symbol":"BTC/USD","bids":[
            {"price":45283.5,"qty":0.10000000},{"price":45283.4,"qty":1.54582015},{"price":45282.1,"qty":0.10000000},
            {"price":45281.0,"qty":0.10000000},{"price":45280.3,"qty":1.54592586},{"price":45279.0,"qty":0.07990000},
            {"price":45277.6,"qty":0.03310103},{"price":45277.5,"qty":0.30000000},{"price":45277.3,"qty":1.54602737},
            {"price":45276.6,"qty":0.15445238}],"asks":[
            {"price":45285.2,"qty":0.00100000},{"price":45286.4,"qty":1.54571953},{"price":45286.6,"qty":1.54571109},
            {"price":45289.6,"qty":1.54560911},{"price":45290.2,"qty":0.15890660},{"price":45291.8,"qty":1.54553491},
            {"price":45294.7,"qty":0.04454749},{"price":45296.1,"qty":0.35380000},{"price":45297.5,"qty":0.09945542},
            {"price":45299.5,"qty":0.18772827}],"checksum":3310070434}]}
            """;
        var book = new LocalBook("BTC/USD", 10);
        book.Apply(Encoding.UTF8.GetBytes(frame)).ShouldBe(BookApplyResult.Applied);
        book.Checksum().ShouldBe(3310070434u);
        book.BestBid!.Value.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("0.10000000");
    }

    [Fact]
    public void Append_Decimals_EqualsAppendOfTheirWireText()
    {
        // Coefficients of up to 96 bits (the wide path too) at every scale a decimal has.
        Gen.Select(Gen.Int, Gen.Int, Gen.Int[0, 1000], Gen.Int[0, 1], Gen.Int[0, 28]).Sample(input =>
        {
            var (low, mid, high, wide, scale) = input;
            var value = new decimal(low, mid, wide == 1 ? high : 0, false, (byte)scale);
            var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            BookChecksum.Append(uint.MaxValue, value, value).ShouldBe(BookChecksum.Append(uint.MaxValue, text, text), text);
        });
    }

    [Fact]
    public void Apply_OtherSymbolsAndOtherChannels_LeaveTheBookAlone()
    {
        var book = new LocalBook("BTC/USD", 10);
        book.Apply("""{"channel":"book","type":"snapshot","data":[{"symbol":"ETH/USD","bids":[],"asks":[],"checksum":0}]}"""u8).ShouldBe(BookApplyResult.NotThisBook);
        book.Apply("""{"channel":"ticker","type":"snapshot","data":[{"symbol":"BTC/USD"}]}"""u8).ShouldBe(BookApplyResult.NotThisBook);
        book.Apply("""not json"""u8).ShouldBe(BookApplyResult.NotThisBook);
        book.Apply("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[],"asks":[],"checksum":0}]}"""u8).ShouldBe(BookApplyResult.AwaitingSnapshot);
        book.Apply("""{"channel":"book","type":"snapshot","data":[{"symbol":"BTC/USD","bids":[{"price":1.0}],"asks":[],"checksum":0}]}"""u8).ShouldBe(BookApplyResult.Malformed);
        book.IsSynchronised.ShouldBeFalse();
    }

    /// <summary>The local book holds exactly the reference's window, with the wire's digits (scale included).</summary>
    private static void Same(LocalBook book, ReferenceBook reference)
    {
        static IEnumerable<(string, string)> Text(IReadOnlyList<BookLevel> levels) =>
            levels.Select(l => (l.Price.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Text(book.Bids()).ShouldBe(reference.Bids);
        Text(book.Asks()).ShouldBe(reference.Asks);
        book.IsSynchronised.ShouldBeTrue();
    }
}
