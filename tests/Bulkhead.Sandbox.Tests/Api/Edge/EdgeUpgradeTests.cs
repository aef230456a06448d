using System.Net.WebSockets;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Edge;

/// <summary>The edge leaves WebSocket upgrades to the socket routes (<c>/v2</c> answers with its status frame); an unmapped upgrade gets the fallback.</summary>
public sealed class EdgeUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SocketRoute_UpgradesThroughTheEdge_UnmappedUpgradeGetsFallback()
    {
        var app = SandboxHost.Build(new SandboxOptions { InMemory = true }, "http://127.0.0.1:0", new FakeTimeProvider());
        await app.StartAsync(Ct);
        try
        {
            var baseUrl = new Uri(app.BoundUrls()[0]);
            using var client = new ClientWebSocket();
            await client.ConnectAsync(new Uri($"ws://{baseUrl.Host}:{baseUrl.Port}/v2"), Ct);
            var buffer = new byte[1024];
            var received = await client.ReceiveAsync(buffer, Ct);
            System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count).ShouldStartWith("{\"channel\":\"status\"");

            var unmapped = await RawConnection.ExchangeAsync(baseUrl, RawConnection.Request(
                "GET /v9 HTTP/1.1",
                ["Host: 127.0.0.1", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"]), false, Ct);
            unmapped.Status.ShouldBe(404, unmapped.Raw);
            unmapped.Body.ShouldBe("""{"error":["EGeneral:Unknown method"]}""");
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
