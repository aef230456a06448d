using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulkhead.Sandbox.Trading;
using Shouldly;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>
/// A client-side order-by-order book for one symbol, kept independently of the server's code: it applies <c>level3</c>
/// messages from their raw JSON number text (a snapshot's orders and <c>add</c>s appended to the back of their level,
/// <c>modify</c> in place, <c>delete</c> removed — each referring to an order it holds), truncates to its depth in price
/// levels after each message, and checks every message's checksum with its own CRC-32 over every order of the top 10
/// levels (websocket.md §10, L3), never the production <c>BookChecksum</c>.
/// </summary>
internal sealed class Level3Verifier(string symbol, int depth)
{
    private readonly List<Order> _bids = [];
    private readonly List<Order> _asks = [];
    private bool _snapshotSeen;

    public int Snapshots { get; private set; }

    public int Updates { get; private set; }

    /// <summary>How many events of each kind were applied.</summary>
    public Dictionary<string, int> Events { get; } = new(StringComparer.Ordinal) { ["add"] = 0, ["modify"] = 0, ["delete"] = 0 };

    /// <summary>Bid orders, best level first, queue order within a level.</summary>
    public IReadOnlyList<Order> Bids => _bids;

    /// <summary>Ask orders, best level first, queue order within a level.</summary>
    public IReadOnlyList<Order> Asks => _asks;

    /// <summary>Applies a <c>level3</c> message's items for this symbol and verifies each checksum; false when the message is not for it.</summary>
    public bool Apply(JsonElement message)
    {
        if (!message.TryGetProperty("channel", out var channel) || channel.GetString() != "level3")
        {
            return false;
        }

        var type = message.GetProperty("type").GetString();
        var applied = false;
        foreach (var item in message.GetProperty("data").EnumerateArray())
        {
            if (item.GetProperty("symbol").GetString() != symbol)
            {
                continue;
            }

            var snapshot = type == "snapshot";
            if (snapshot)
            {
                _bids.Clear();
                _asks.Clear();
                _snapshotSeen = true;
                Snapshots++;
            }
            else
            {
                type.ShouldBe("update");
                _snapshotSeen.ShouldBeTrue("an update came before any snapshot");
                Updates++;
            }

            Merge(item.GetProperty("bids"), _bids, snapshot, descending: true);
            Merge(item.GetProperty("asks"), _asks, snapshot, descending: false);
            Truncate(_bids);
            Truncate(_asks);
            item.GetProperty("checksum").GetUInt32().ShouldBe(Checksum(), $"checksum of {message.GetRawText()}");
            applied = true;
        }

        return applied;
    }

    /// <summary>
    /// The expected book from the exchange's orders (an independent read: every open limit order of the pair, grouped by
    /// price, each level in <see cref="SandboxOrder.Priority"/> order), top <c>depth</c> levels per side.
    /// </summary>
    public static (List<(string Id, decimal Price, decimal Qty)> Bids, List<(string Id, decimal Price, decimal Qty)> Asks) Expected(SandboxExchange exchange, string pair, int depth)
    {
        var open = exchange.AllOrders().Where(o => o.IsOpen && o.Symbol == pair && o.Price is not null && o.Remaining > 0m).ToList();
        return (Side(open.Where(o => o.Side == Bulkhead.Sandbox.Matching.Side.Buy).OrderByDescending(o => o.Price), depth),
            Side(open.Where(o => o.Side == Bulkhead.Sandbox.Matching.Side.Sell).OrderBy(o => o.Price), depth));

        static List<(string, decimal, decimal)> Side(IOrderedEnumerable<SandboxOrder> orders, int depth) =>
            [.. orders.ThenBy(o => o.Priority).GroupBy(o => o.Price!.Value).Take(depth).SelectMany(l => l).Select(o => (o.Id, o.Price!.Value, o.Remaining))];
    }

    /// <summary>Reads frames from <paramref name="client"/>, applying level3 messages, until the book equals the exchange's (<see cref="Expected"/>).</summary>
    public async Task UntilMatchesAsync(SocketClient client, SandboxExchange exchange, string pair)
    {
        var until = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (true)
        {
            var (bids, asks) = Expected(exchange, pair, depth);
            if (_snapshotSeen && Same(_bids, bids) && Same(_asks, asks))
            {
                return;
            }

            var left = until - TimeProvider.System.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Level3 {symbol}/{depth} never matched; have bids {string.Join(' ', _bids)} asks {string.Join(' ', _asks)}");
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

    private static bool Same(List<Order> have, List<(string Id, decimal Price, decimal Qty)> want) =>
        have.Count == want.Count && have.Zip(want).All(p => p.First.Id == p.Second.Id && Parse(p.First.Price) == p.Second.Price && Parse(p.First.Qty) == p.Second.Qty);

    private void Merge(JsonElement orders, List<Order> side, bool snapshot, bool descending)
    {
        foreach (var item in orders.EnumerateArray())
        {
            var order = new Order(item.GetProperty("order_id").GetString()!, item.GetProperty("limit_price").GetRawText(), item.GetProperty("order_qty").GetRawText());
            order.Id.ShouldStartWith("O");
            item.GetProperty("timestamp").GetString()!.ShouldEndWith("Z");
            var kind = snapshot ? "add" : item.GetProperty("event").GetString();
            if (snapshot)
            {
                item.TryGetProperty("event", out _).ShouldBeFalse();
            }

            if (!snapshot)
            {
                Events[kind!] = Events.GetValueOrDefault(kind!) + 1;
            }

            var at = side.FindIndex(o => o.Id == order.Id);
            switch (kind)
            {
                case "add":
                    at.ShouldBe(-1, $"add of {order.Id}, already held");
                    var price = Parse(order.Price);
                    var after = side.FindLastIndex(o => Parse(o.Price) == price || (descending ? Parse(o.Price) > price : Parse(o.Price) < price));
                    side.Insert(after + 1, order);
                    break;
                case "modify":
                    at.ShouldBeGreaterThanOrEqualTo(0, $"modify of {order.Id}, not held");
                    side[at].Price.ShouldBe(order.Price);
                    side[at] = order;
                    break;
                case "delete":
                    at.ShouldBeGreaterThanOrEqualTo(0, $"delete of {order.Id}, not held");
                    side.RemoveAt(at);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown event '{kind}'");
            }
        }
    }

    private void Truncate(List<Order> side)
    {
        var levels = 0;
        for (var i = 0; i < side.Count; i++)
        {
            if ((i == 0 || side[i].Price != side[i - 1].Price) && ++levels > depth)
            {
                side.RemoveRange(i, side.Count - i);
                return;
            }
        }
    }

    private uint Checksum()
    {
        var text = new StringBuilder();
        foreach (var side in new[] { _asks, _bids })
        {
            var levels = side.Select(o => o.Price).Distinct().Take(10).ToHashSet();
            foreach (var order in side.Where(o => levels.Contains(o.Price)))
            {
                text.Append(Strip(order.Price)).Append(Strip(order.Qty));
            }
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

    /// <summary>One order as received: its id and its price and quantity wire text.</summary>
    public sealed record Order(string Id, string Price, string Qty);
}
