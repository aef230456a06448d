using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bulkhead.EndToEnd.Tests.Harness;
using Bulkhead.Kraken.Signing;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Spot;

/// <summary>
/// The crash test with WebSocket orders in the mix: the real <c>sandbox serve</c> process on SQLite takes add_order
/// requests over <c>/auth/v2</c> (resting and filling against the seeded market) and REST orders, and is SIGKILLed while
/// requests are in flight; restarted on the same folder, every order the socket acknowledged is there, and the ledger
/// conserves.
/// </summary>
public sealed class SocketCrashTests
{
    [Fact]
    public async Task SigkillWhileSocketOrdersFlow_EveryAcknowledgedOrderSurvives_LedgerConserves()
    {
        var folder = Directory.CreateTempSubdirectory("bulkhead-e2e-crash-");
        var acked = new List<string>();
        ApiKeyPair key;
        try
        {
            await using (var first = await SandboxProcess.StartAsync(market: true, dataFolder: folder))
            {
                await first.Admin.CreateAccountAsync("desk");
                await first.Admin.DepositAsync("desk", "ZUSD", "1000000");
                key = await first.Admin.CreateSpotKeyAsync("desk", SocketTrader);
                var rest = new SignedRest(first.BaseUrl, key);
                var token = (await rest.CallAsync("GetWebSocketsToken", string.Empty))["token"]!.GetValue<string>();
                (await rest.CallAsync("AddOrder", "&ordertype=limit&type=buy&volume=0.001&pair=XBTUSD&price=1000"))["txid"]![0]!.GetValue<string>().ShouldNotBeNull();

                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri("ws" + first.BaseUrl.ToString()["http".Length..].TrimEnd('/') + "/auth/v2"), TestContext.Current.CancellationToken);
                var reading = ReadAcksAsync(socket, acked);
                for (var i = 1; i <= 400 && acked.Count < 60; i++)
                {
                    var order = i % 4 == 0
                        ? $$"""{"order_type":"market","side":"buy","order_qty":0.0005,"symbol":"BTC/USD","token":"{{token}}"}"""
                        : $$"""{"order_type":"limit","side":"buy","order_qty":0.001,"symbol":"BTC/USD","limit_price":{{1000 + i}},"token":"{{token}}"}""";
                    await SendAsync(socket, $$"""{"method":"add_order","params":{{order}},"req_id":{{i}}}""");
                    await Task.Delay(5, TestContext.Current.CancellationToken);
                }

                // Requests still in flight when the process dies.
                for (var i = 1_000; i < 1_020; i++)
                {
                    await SendAsync(socket, $$"""{"method":"add_order","params":{"order_type":"limit","side":"buy","order_qty":0.001,"symbol":"BTC/USD","limit_price":999,"token":"{{token}}"},"req_id":{{i}}}""");
                }

                first.Kill();
                await reading;
            }

            acked.Count.ShouldBeGreaterThanOrEqualTo(60);
            await using var second = await SandboxProcess.StartAsync(market: false, dataFolder: folder);
            var again = new SignedRest(second.BaseUrl, key);
            foreach (var chunk in acked.Chunk(20))
            {
                var found = await again.CallAsync("QueryOrders", "&txid=" + string.Join(",", chunk));
                foreach (var id in chunk)
                {
                    found[id].ShouldNotBeNull($"order {id} was acknowledged over the socket but is gone after the crash");
                }
            }

            await second.ShouldConserveAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Task SendAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    private static async Task ReadAcksAsync(ClientWebSocket socket, List<string> acked)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), TestContext.Current.CancellationToken);
                    length += result.Count;
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                }
                while (!result.EndOfMessage);

                using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
                var root = document.RootElement;
                if (root.TryGetProperty("method", out var method) && method.GetString() == "add_order"
                    && root.GetProperty("success").GetBoolean())
                {
                    lock (acked)
                    {
                        acked.Add(root.GetProperty("result").GetProperty("order_id").GetString()!);
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            // The process was killed.
        }
    }

    /// <summary>Signed Spot REST calls with increasing nonces (microseconds of the real clock).</summary>
    private sealed class SignedRest(Uri baseUrl, ApiKeyPair key)
    {
        private readonly KrakenCredentials _credentials = KrakenCredentials.Create(key.Key, key.Secret);
        private long _nonce = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() * 1_000;

        public async Task<JsonNode> CallAsync(string method, string parameters)
        {
            using var http = new HttpClient { BaseAddress = baseUrl };
            var nonce = ++_nonce;
            var path = "/0/private/" + method;
            var body = Encoding.ASCII.GetBytes("nonce=" + nonce.ToString(CultureInfo.InvariantCulture) + parameters);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            request.Headers.Add("API-Key", _credentials.ApiKey);
            request.Headers.Add("API-Sign", SpotSigner.Sign(_credentials, path, nonce, body));
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
            answer["error"]!.AsArray().Count.ShouldBe(0, answer.ToJsonString());
            return answer["result"]!;
        }
    }
}
