using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>
/// 10,000 malformed frames (bad JSON, wrong types, unknown methods and channels, binary and oversized frames, bad and
/// stale tokens) over real sockets, on every endpoint: each is answered with an error frame, the connection keeps
/// serving (a ping after each frame is answered), and the exchange's state does not change.
/// </summary>
public sealed class SocketFuzzTests
{
    private const string JunkAlphabet = "{}[]\":,0123456789abcxyz \\-.tfnule";

    private static readonly string[] Paths = ["/v2", "/auth/v2", "/v2/public", "/v2/private"];

    private static readonly string[] Methods =
    [
        "subscribe", "unsubscribe", "add_order", "amend_order", "edit_order", "cancel_order", "cancel_all", "cancel_all_orders_after",
        "batch_add", "batch_cancel", "set_preference", "ping", "fly", "", "SUBSCRIBE", "add-order",
    ];

    private static readonly string[] Channels =
    [
        "book", "ticker", "trade", "ohlc", "instrument", "level3", "executions", "balances", "positions", "margin", "ledgers",
        "preferences", "status", "heartbeat", "nope", "",
    ];

    [Fact]
    public async Task TenThousandMalformedFrames_AllAnsweredWithErrors_ServerKeepsServing_NoStateChange()
    {
        var options = new SandboxOptions { InMemory = true, Sockets = { MessageBurst = 1_000_000, MessagesPerSecond = 1_000_000, MaxFrameBytes = 4096 } };
        await using var sandbox = await SpotSandbox.StartAsync(options);
        sandbox.Master("maker", usd: 100_000m);
        sandbox.Exchange.Deposit("maker", Wallet.Spot, "XXBT", 5m).Success.ShouldBeTrue();
        sandbox.Exchange.PlaceOrder(new SandboxOrderRequest("maker", TradingVenue.Spot, "XXBTZUSD", Side.Sell, OrderKind.Limit, 0.5m, 60_000m, UserRef: 7, ClientOrderId: "resting")).Success.ShouldBeTrue();
        var key = sandbox.Key("maker");
        var stale = (await sandbox.PrivateAsync(key, "GetWebSocketsToken")).ShouldSucceed().GetProperty("token").GetString()!;
        sandbox.Time.Advance(TimeSpan.FromSeconds(901));
        var before = State(sandbox);

        var random = new Random(20261207);
        var answered = 0;
        for (var p = 0; p < Paths.Length; p++)
        {
            await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, Paths[p]);
            for (var i = 0; i < 2_500; i++)
            {
                var (bytes, type) = Frame(random, stale);
                await client.SendAsync(bytes, type);
                var probe = (p * 10_000) + i;
                await client.SendAsync("{\"method\":\"ping\",\"req_id\":" + probe + "}");
                var errors = 0;
                while (true)
                {
                    var next = await client.NextAsync() ?? throw new InvalidOperationException($"Closed after frame {i} on {Paths[p]}: {Encoding.UTF8.GetString(bytes)}");
                    if (next.TryGetProperty("method", out var m) && m.GetString() == "pong" && next.TryGetProperty("req_id", out var r) && r.GetInt64() == probe)
                    {
                        break;
                    }

                    if (next.TryGetProperty("channel", out _))
                    {
                        continue; // status, heartbeat
                    }

                    if (next.TryGetProperty("method", out var pong) && pong.GetString() == "pong")
                    {
                        // A fuzzed ping that happens to be well-formed (ping ignores params) is answered, not refused.
                        Encoding.UTF8.GetString(bytes).ShouldContain("\"ping\"");
                        errors++;
                        continue;
                    }

                    next.GetProperty("success").GetBoolean().ShouldBeFalse($"{Paths[p]} accepted {Encoding.UTF8.GetString(bytes)}: {next.GetRawText()}");
                    next.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.String, next.GetRawText());
                    next.GetProperty("error").GetString().ShouldNotBeNullOrWhiteSpace();
                    errors++;
                }

                errors.ShouldBeGreaterThan(0, $"{Paths[p]}: no error for {Encoding.UTF8.GetString(bytes)}");
                answered++;
            }
        }

        answered.ShouldBe(10_000);
        State(sandbox).ShouldBe(before);
    }

    [Fact]
    public async Task InvalidUtf8TextFrame_ClosesThatConnectionOnly()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var bad = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await using var good = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");

        await bad.SendAsync([0x7B, 0xC3, 0x28, 0x7D], WebSocketMessageType.Text);
        try
        {
            while (await bad.NextAsync() is not null)
            {
            }
        }
        catch (WebSocketException)
        {
            // Closed: invalid UTF-8 in a text frame is a protocol error (RFC 6455 §8.1), answered by closing.
        }

        bad.State.ShouldNotBe(WebSocketState.Open);

        await good.SendAsync("""{"method":"ping","req_id":3}""");
        (await good.ResponseAsync(3)).GetProperty("method").GetString().ShouldBe("pong");
    }

    private static string State(SpotSandbox sandbox)
    {
        var exchange = sandbox.Exchange;
        var orders = exchange.AllOrders().Select(o => $"{o.Id}:{o.Status}:{o.Volume}:{o.Executed}:{o.Price}");
        var balances = exchange.HoldsByAsset("maker", Wallet.Spot).Select(h => $"{h.Key}={h.Value}");
        return string.Join(",", orders) + "|" + exchange.AllTrades().Count + "|" + string.Join(",", balances);
    }

    private static (byte[] Bytes, WebSocketMessageType Type) Frame(Random random, string staleToken)
    {
        string Token() => random.Next(4) switch
        {
            0 => staleToken,
            1 => "garbage",
            2 => string.Empty,
            _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };

        string Method() => Methods[random.Next(Methods.Length)];
        string Channel() => Channels[random.Next(Channels.Length)];
        string Junk(int n)
        {
            var chars = new char[n];
            for (var i = 0; i < n; i++)
            {
                chars[i] = JunkAlphabet[random.Next(JunkAlphabet.Length)];
            }

            return new string(chars);
        }

        string text = random.Next(16) switch
        {
            0 => Junk(random.Next(1, 60)),
            1 => "{\"method\":\"" + Method() + "\",\"params\":{\"channel\":\"" + Channel() + "\"",
            2 => "{\"method\":" + random.Next() + "}",
            3 => "{\"method\":\"" + Method() + "\",\"params\":" + (random.Next(2) == 0 ? "[1,2]" : "\"x\"") + "}",
            4 => "{\"method\":\"ping\",\"req_id\":" + (random.Next(3) switch { 0 => "1.5", 1 => "\"7\"", _ => "99999999999999999999999" }) + "}",
            5 => "{\"method\":\"" + Method() + "\",\"req_id\":1,\"extra\":true}",
            6 => "{\"method\":\"subscribe\",\"params\":{\"channel\":\"" + Channel() + "\",\"symbol\":" + (random.Next(3) switch { 0 => "\"BTC/USD\"", 1 => "[]", _ => "[1]" }) + "}}",
            7 => "{\"method\":\"subscribe\",\"params\":{\"channel\":\"" + Channel() + "\",\"symbol\":[\"ZZZ/QQQ\"],\"token\":\"" + Token() + "\"}}",
            8 => "{\"method\":\"add_order\",\"params\":{\"order_type\":\"limit\",\"side\":\"buy\",\"order_qty\":0.1,\"symbol\":\"BTC/USD\",\"limit_price\":1000,\"token\":\"" + Token() + "\"}}",
            9 => "{\"method\":\"cancel_order\",\"params\":{\"order_id\":[\"resting\"],\"cl_ord_id\":[\"resting\"],\"token\":\"" + Token() + "\"}}",
            10 => "{\"method\":\"cancel_all\",\"params\":{\"token\":\"" + Token() + "\"}}",
            11 => "{\"method\":\"subscribe\",\"params\":{\"channel\":\"" + (random.Next(2) == 0 ? "executions" : "balances") + "\",\"token\":\"" + Token() + "\"}}",
            12 => new string('[', 40) + new string(']', 40),
            13 => "{\"method\":\"" + Method() + "\",\"params\":{\"token\":" + random.Next() + ",\"asset_class\":7}}",
            14 => "{\"method\":\"unsubscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\"BTC/USD\"]}}" + Junk(2),
            _ => string.Empty,
        };

        return random.Next(40) switch
        {
            0 => (Encoding.UTF8.GetBytes(text), WebSocketMessageType.Binary),
            1 => (Encoding.UTF8.GetBytes("{\"method\":\"ping\",\"pad\":\"" + new string('x', 5000) + "\"}"), WebSocketMessageType.Text),
            _ => (Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text),
        };
    }
}
