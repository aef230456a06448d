using System.Globalization;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>
/// A client-side L2 book for one symbol, kept independently of the server's code: it applies <c>book</c> messages from
/// their raw JSON number text, truncates to its depth after each message, and checks every message's checksum with its
/// own CRC-32 and string handling (websocket.md §10), never the production <c>BookChecksum</c>.
/// </summary>
internal sealed class BookVerifier(string symbol, int depth)
{
    private readonly Dictionary<string, string> _bids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _asks = new(StringComparer.Ordinal);
    private bool _snapshotSeen;

    public int Snapshots { get; private set; }

    public int Updates { get; private set; }

    /// <summary>Bids best first as (price, qty) wire text.</summary>
    public IReadOnlyList<(string Price, string Qty)> Bids => [.. _bids.OrderByDescending(l => Parse(l.Key)).Select(l => (l.Key, l.Value))];

    /// <summary>Asks best first as (price, qty) wire text.</summary>
    public IReadOnlyList<(string Price, string Qty)> Asks => [.. _asks.OrderBy(l => Parse(l.Key)).Select(l => (l.Key, l.Value))];

    /// <summary>Applies a <c>book</c> message's items for this symbol and verifies each checksum; false when the message is not for it.</summary>
    public bool Apply(JsonElement message)
    {
        var checksums = ApplyUnverified(message);
        foreach (var (received, expected) in checksums)
        {
            received.ShouldBe(expected, $"checksum of {message.GetRawText()}");
        }

        return checksums.Count > 0;
    }

    /// <summary>
    /// Applies a <c>book</c> message's items for this symbol without judging their checksums: answers, per item, the
    /// checksum received and the one this book computes (empty when the message is not for it).
    /// </summary>
    public IReadOnlyList<(uint Received, uint Expected)> ApplyUnverified(JsonElement message)
    {
        var checksums = new List<(uint, uint)>();
        if (!message.TryGetProperty("channel", out var channel) || channel.GetString() != "book")
        {
            return checksums;
        }

        var type = message.GetProperty("type").GetString();
        foreach (var item in message.GetProperty("data").EnumerateArray())
        {
            if (item.GetProperty("symbol").GetString() != symbol)
            {
                continue;
            }

            if (type == "snapshot")
            {
                _bids.Clear();
                _asks.Clear();
                _snapshotSeen = true;
                Snapshots++;
                item.TryGetProperty("timestamp", out _).ShouldBeFalse();
            }
            else
            {
                type.ShouldBe("update");
                _snapshotSeen.ShouldBeTrue("an update came before any snapshot");
                item.GetProperty("timestamp").GetString()!.ShouldEndWith("Z");
                Updates++;
            }

            Merge(item.GetProperty("bids"), _bids);
            Merge(item.GetProperty("asks"), _asks);
            Truncate(_bids, descending: true);
            Truncate(_asks, descending: false);
            checksums.Add((item.GetProperty("checksum").GetUInt32(), Checksum()));
        }

        return checksums;
    }

    /// <summary>True when the book equals <paramref name="bids"/> and <paramref name="asks"/> (best first, numerically).</summary>
    public bool Matches(IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> bids, IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> asks) =>
        Same(Bids, bids) && Same(Asks, asks);

    /// <summary>Reads frames from <paramref name="client"/>, applying book messages, until the book equals what <paramref name="expected"/> reads.</summary>
    public async Task UntilMatchesAsync(SocketClient client, Func<(IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> Bids, IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> Asks)> expected)
    {
        var until = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (true)
        {
            var (bids, asks) = expected();
            if (_snapshotSeen && Matches(bids, asks))
            {
                return;
            }

            var left = until - TimeProvider.System.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Book {symbol}/{depth} never matched; have bids {string.Join(' ', Bids)} asks {string.Join(' ', Asks)}");
            }

            if (await client.NextAsync(left) is { } frame)
            {
                Apply(frame);
            }
        }
    }

    /// <summary>Sends a ping and applies every frame that arrives before its pong: all messages queued before it are verified.</summary>
    public async Task DrainAsync(SocketClient client, long reqId)
    {
        await client.SendAsync($$"""{"method":"ping","req_id":{{reqId}}}""");
        await client.WaitForAsync(frame =>
        {
            Apply(frame);
            return frame.TryGetProperty("req_id", out var id) && id.GetInt64() == reqId;
        });
    }

    private static bool Same(IReadOnlyList<(string Price, string Qty)> have, IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> want) =>
        have.Count == want.Count && have.Zip(want).All(p => Parse(p.First.Price) == p.Second.Price && Parse(p.First.Qty) == p.Second.Quantity);

    private static void Merge(JsonElement levels, Dictionary<string, string> side)
    {
        foreach (var level in levels.EnumerateArray())
        {
            var price = level.GetProperty("price").GetRawText();
            var qty = level.GetProperty("qty").GetRawText();
            if (Parse(qty) == 0m)
            {
                side.Remove(price);
            }
            else
            {
                side[price] = qty;
            }
        }
    }

    private void Truncate(Dictionary<string, string> side, bool descending)
    {
        var ordered = descending ? side.Keys.OrderByDescending(Parse) : side.Keys.OrderBy(Parse);
        foreach (var price in ordered.Skip(depth).ToList())
        {
            side.Remove(price);
        }
    }

    private uint Checksum()
    {
        var text = new StringBuilder();
        foreach (var (price, qty) in Asks.Take(10).Concat(Bids.Take(10)))
        {
            text.Append(Strip(price)).Append(Strip(qty));
        }

        return Crc32(Encoding.ASCII.GetBytes(text.ToString()));
    }

    private static string Strip(string number) => number.Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0');

    // Bitwise CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zlib.crc32.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1u) == 1u ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static decimal Parse(string number) => decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
}
