using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Account;
using Bulkhead.Kraken.Spot.Models;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>Tokens renewed before they lapse, on fake clocks: the sandbox's (tokens lapse on it) and the client's (watchdog, backoff).</summary>
public sealed class TokenRenewalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_FourteenMinutesLater_IsRenewedAndTheReconnectSubscribesWithTheFreshOne()
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        sandbox.Account("trader", usd: 100_000m, btc: 0m, flexUsd: 0m);
        var tokens = sandbox.Tokens("trader");
        var first = (await tokens.GetTokenAsync(renew: false, Ct)).GetValueOrThrow();
        var clientTime = new FakeTimeProvider(sandbox.Time.GetUtcNow());
        var client = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: true, tokens, time: clientTime);
        var executions = (await client.SubscribeExecutionsAsync(cancellationToken: Ct)).GetValueOrThrow();
        (await executions.Reader.NextAsync()).Session.ShouldBe(1);
        tokens.Issued.ShouldBe(1);
        sandbox.Journal.Count("GetWebSocketsToken").ShouldBe(1);

        // 14 minutes into the token's 15: renewed through the key's REST pipeline, before anyone needs it.
        sandbox.Time.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => tokens.Issued == 2, "the token is renewed");
        sandbox.Journal.Records.Where(r => r.Endpoint == "GetWebSocketsToken").ShouldAllBe(r => r.Succeeded && r.KeyName == "trader");
        var renewed = (await tokens.GetTokenAsync(renew: false, Ct)).GetValueOrThrow();
        renewed.ShouldNotBeSameAs(first);
        renewed.ToString().ShouldNotContain(renewed.Value);

        // 16 minutes: the first token lives only while its subscription holds it. The connection dies (the watchdog,
        // on the client's clock, sees silence), the client reconnects and resubscribes with the fresh token.
        sandbox.Time.Advance(TimeSpan.FromMinutes(2));
        clientTime.Advance(TimeSpan.FromSeconds(15));
        await Eventually.TrueAsync(
            () =>
            {
                clientTime.Advance(TimeSpan.FromSeconds(1));
                return client.GetStats() is { Reconnects: 1, State: SocketConnectionState.Connected };
            },
            "the client reconnects");
        client.GetStats().SilentAborts.ShouldBe(1);
        var again = await executions.Reader.UntilAsync(b => b.Session == 2, "the executions snapshot of the new connection");
        again.IsSnapshot.ShouldBeTrue();

        var order = (await sandbox.SpotClient("trader").AddOrderAsync(new OrderRequest { Pair = "XBTUSD", Side = OrderSide.Buy, Volume = 0.01m, Price = 10_000m }, Ct)).GetValueOrThrow();
        await executions.Reader.UntilAsync(b => b.Session == 2 && b.Items.Any(e => e.OrderId == order.OrderIds[0] && e.ExecType == ExecutionType.New), "the order on the new connection");
        tokens.Issued.ShouldBe(2);

        // The renewal was needed: the first token, unbound and 16 minutes old, is refused.
        (await SubscribeRawAsync(sandbox, first.Value)).ShouldBe(KrakenErrors.InvalidToken);
        (await SubscribeRawAsync(sandbox, renewed.Value)).ShouldBeNull();
    }

    /// <summary>Subscribes <c>balances</c> with a token on a raw socket: null on success, else the error.</summary>
    private static async Task<string?> SubscribeRawAsync(SocketSandbox sandbox, string token)
    {
        using var socket = new ClientWebSocket();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(Eventually.Deadline);
        await socket.ConnectAsync(KrakenSocketEndpoint.OnServer(sandbox.BaseUrl, SocketProtocol.SpotV2, true).Url, deadline.Token);
        var request = JsonSerializer.SerializeToUtf8Bytes(new { method = "subscribe", @params = new { channel = "balances", token }, req_id = 42 });
        await socket.SendAsync(request, WebSocketMessageType.Text, true, deadline.Token);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, deadline.Token);
            using var frame = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, received.Count));
            if (frame.RootElement.TryGetProperty("req_id", out var id) && id.GetInt64() == 42)
            {
                return frame.RootElement.GetProperty("success").GetBoolean() ? null : frame.RootElement.GetProperty("error").GetString();
            }
        }
    }
}
