using System.Globalization;
using System.Text;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>
/// An exchange-side L2 book written for the tests, independent of the client's code: the full book as price/quantity
/// ticks, the window of <c>depth</c> levels it publishes, <c>book</c> frames in Kraken's v2 shape (only changed levels,
/// <c>qty</c> 0 for a level removed inside the window, nothing for one pushed out of it), and the checksum computed with
/// its own CRC-32 over the printed strings (websocket.md §10) — never <c>BookChecksum</c>.
/// </summary>
internal sealed class ReferenceBook(string symbol, int depth, int priceDecimals, int qtyDecimals)
{
    private readonly SortedDictionary<long, long> _bids = new(Comparer<long>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<long, long> _asks = new();

    public string Symbol => symbol;

    public int Depth => depth;

    /// <summary>The published window, best first, as (price, qty) wire text.</summary>
    public IReadOnlyList<(string Price, string Qty)> Bids => Window(_bids);

    public IReadOnlyList<(string Price, string Qty)> Asks => Window(_asks);

    /// <summary>Sets a level in the full book (quantity 0 removes it).</summary>
    public void Set(bool bid, long priceTicks, long qtyTicks)
    {
        var side = bid ? _bids : _asks;
        if (qtyTicks == 0)
        {
            side.Remove(priceTicks);
        }
        else
        {
            side[priceTicks] = qtyTicks;
        }
    }

    /// <summary>The snapshot frame of the window.</summary>
    public string Snapshot() => Frame("snapshot", Bids, Asks, Checksum(), timestamp: false);

    /// <summary>
    /// Applies <paramref name="changes"/> to the full book and returns the update frame from the window before to the window
    /// after (levels listed in a shuffled order), with the checksum plus <paramref name="checksumError"/>.
    /// </summary>
    public string Update(IEnumerable<(bool Bid, long Price, long Qty)> changes, Random shuffle, uint checksumError = 0)
    {
        var beforeBids = Bids.ToDictionary(l => l.Price, l => l.Qty);
        var beforeAsks = Asks.ToDictionary(l => l.Price, l => l.Qty);
        foreach (var (bid, price, qty) in changes)
        {
            Set(bid, price, qty);
        }

        var bids = Diff(beforeBids, _bids).OrderBy(_ => shuffle.Next()).ToList();
        var asks = Diff(beforeAsks, _asks).OrderBy(_ => shuffle.Next()).ToList();
        return Frame("update", bids, asks, unchecked(Checksum() + checksumError), timestamp: true);
    }

    /// <summary>Kraken's checksum of the window: top 10 asks then top 10 bids, '.' removed, leading zeros stripped, CRC-32 (IEEE).</summary>
    public uint Checksum()
    {
        var text = new StringBuilder();
        foreach (var (price, qty) in Asks.Take(10).Concat(Bids.Take(10)))
        {
            text.Append(Strip(price)).Append(Strip(qty));
        }

        return Crc32(Encoding.ASCII.GetBytes(text.ToString()));
    }

    private static string Strip(string number) => number.Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0');

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    // Levels new or changed in the window, and qty 0 for those removed from the book (not those only pushed below the window).
    private List<(string Price, string Qty)> Diff(Dictionary<string, string> before, SortedDictionary<long, long> side)
    {
        var after = Window(side).ToDictionary(l => l.Price, l => l.Qty);
        var changes = after.Where(l => !before.TryGetValue(l.Key, out var qty) || qty != l.Value).Select(l => (l.Key, l.Value)).ToList();
        foreach (var (price, _) in before)
        {
            if (!after.ContainsKey(price) && !side.ContainsKey(Ticks(price, priceDecimals)))
            {
                changes.Add((price, Text(0, qtyDecimals)));
            }
        }

        return changes;
    }

    private List<(string Price, string Qty)> Window(SortedDictionary<long, long> side) =>
        [.. side.Take(depth).Select(l => (Text(l.Key, priceDecimals), Text(l.Value, qtyDecimals)))];

    private string Frame(string type, IEnumerable<(string Price, string Qty)> bids, IEnumerable<(string Price, string Qty)> asks, uint checksum, bool timestamp)
    {
        static string Levels(IEnumerable<(string Price, string Qty)> levels) =>
            string.Join(",", levels.Select(l => $$"""{"price":{{l.Price}},"qty":{{l.Qty}}}"""));
        var time = timestamp ? ",\"timestamp\":\"2026-11-26T12:00:00.000000Z\"" : string.Empty;
        return $$"""{"channel":"book","type":"{{type}}","data":[{"symbol":"{{symbol}}","bids":[{{Levels(bids)}}],"asks":[{{Levels(asks)}}],"checksum":{{checksum}}{{time}}}]}""";
    }

    private static string Text(long ticks, int decimals) =>
        (ticks / (decimal)Math.Pow(10, decimals)).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static long Ticks(string text, int decimals) =>
        (long)(decimal.Parse(text, CultureInfo.InvariantCulture) * (decimal)Math.Pow(10, decimals));
}
