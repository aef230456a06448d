using System.Globalization;
using System.Text;
using Bulkhead.Kraken.Books;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Books;

public sealed class BookChecksumTests
{
    // Kraken's worked example (websocket.md §10): BTC/USD, price precision 1, qty precision 8.
    private static readonly (string Price, string Qty)[] Asks =
    [
        ("45285.2", "0.00100000"), ("45286.4", "1.54571953"), ("45286.6", "1.54571109"), ("45289.6", "1.54560911"), ("45290.2", "0.15890660"),
        ("45291.8", "1.54553491"), ("45294.7", "0.04454749"), ("45296.1", "0.35380000"), ("45297.5", "0.09945542"), ("45299.5", "0.18772827"),
    ];

    private static readonly (string Price, string Qty)[] Bids =
    [
        ("45283.5", "0.10000000"), ("45283.4", "1.54582015"), ("45282.1", "0.10000000"), ("45281.0", "0.10000000"), ("45280.3", "1.54592586"),
        ("45279.0", "0.07990000"), ("45277.6", "0.03310103"), ("45277.5", "0.30000000"), ("45277.3", "1.54602737"), ("45276.6", "0.15445238"),
    ];

    private const string Payload =
        "45285210000045286415457195345286615457110945289615456091145290215890660452918154553491452947445474945296135380000452975994554245299518772827452835100000004528341545820154528211000000045281010000000452803154592586452790799000045277633101034527753000000045277315460273745276615445238";

    [Fact]
    public void Compute_KrakenWorkedExample_Is3310070434()
    {
        BookChecksum.Compute(Asks, Bids).ShouldBe(3310070434u);
    }

    [Fact]
    public void Crc32_KrakenPayload_Is281CharsAnd3310070434()
    {
        Payload.Length.ShouldBe(281);
        Naive(Asks, Bids).ShouldBe(Payload);
        BookChecksum.Crc32(Payload).ShouldBe(3310070434u);
    }

    [Fact]
    public void Crc32_IeeeCheckValue_IsCbf43926()
    {
        BookChecksum.Crc32("123456789").ShouldBe(0xCBF43926u);
    }

    [Fact]
    public void Compute_MoreThanTenLevels_CountsOnlyTheTopTen()
    {
        var asks = Asks.Append(("45300.0", "1.00000000")).ToArray();
        var bids = Bids.Append(("45270.0", "1.00000000")).ToArray();

        BookChecksum.Compute(asks, bids).ShouldBe(3310070434u);
    }

    [Fact]
    public void ComputeLevel3_OneOrderPerLevel_EqualsLevel2()
    {
        BookChecksum.ComputeLevel3(Asks.Select(a => new[] { a }), Bids.Select(b => new[] { b })).ShouldBe(3310070434u);
    }

    [Fact]
    public void ComputeLevel3_SeveralOrdersPerLevel_AppendsEachOrderInQueueOrder()
    {
        var asks = new[] { new[] { ("100.5", "0.50000000"), ("100.5", "0.25000000") } };
        var bids = new[] { new[] { ("99.0", "1.00000000") }, new[] { ("98.5", "0.00010000"), ("98.5", "2.00000000") } };

        BookChecksum.ComputeLevel3(asks, bids).ShouldBe(BookChecksum.Crc32("1005" + "50000000" + "1005" + "25000000" + "990" + "100000000" + "985" + "10000" + "985" + "200000000"));
    }

    [Fact]
    public void Compute_RandomBooks_EqualsCrcOfTheNaivelyBuiltString()
    {
        var level = Gen.Select(Gen.Long[1, 100_000_000_000L], Gen.Long[0, 100_000_000_000L], Gen.Int[0, 10], Gen.Int[0, 10])
            .Select((price, qty, pd, qd) => (new decimal(price) / 100_000m, new decimal(qty) / 1_000_000m, pd, qd));
        var gen = Gen.Select(level.Array[0, 14], level.Array[0, 14]);
        gen.Sample((asks, bids) =>
        {
            var a = asks.Select(Format).ToArray();
            var b = bids.Select(Format).ToArray();
            BookChecksum.Compute(a, b).ShouldBe(BookChecksum.Crc32(Naive(a, b)));
        });
    }

    private static (string Price, string Qty) Format((decimal Price, decimal Qty, int PriceDecimals, int QtyDecimals) level) =>
        (decimal.Round(level.Price, level.PriceDecimals).ToString("F" + level.PriceDecimals, CultureInfo.InvariantCulture),
         decimal.Round(level.Qty, level.QtyDecimals).ToString("F" + level.QtyDecimals, CultureInfo.InvariantCulture));

    private static string Naive(IEnumerable<(string Price, string Qty)> asks, IEnumerable<(string Price, string Qty)> bids)
    {
        var text = new StringBuilder();
        foreach (var (price, qty) in asks.Take(10).Concat(bids.Take(10)))
        {
            text.Append(price.Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0'));
            text.Append(qty.Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0'));
        }

        return text.ToString();
    }
}
