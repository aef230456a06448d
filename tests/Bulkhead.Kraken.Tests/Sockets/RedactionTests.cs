using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Tokens;
using Bulkhead.Kraken.Sockets.Trading;
using Bulkhead.Kraken.Spot.Models;
using Microsoft.Extensions.Logging.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>The WebSocket token never shows in logs, errors, journal records or <c>ToString</c>.</summary>
public sealed class RedactionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PrivateSession_OrdersRefusalsAndAReconnect_NeverPrintTheToken()
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        sandbox.Account("trader", usd: 1_000m, btc: 0m, flexUsd: 0m);
        var logs = new FakeLogCollector();
        var tokenLogger = new FakeLogger<SpotSocketTokens>(logs);
        var tokens = new SpotSocketTokens(sandbox.SpotClient("trader"), sandbox.Time, logger: tokenLogger);
        var journal = new RecordingJournal();
        var options = sandbox.Options(SocketProtocol.SpotV2, isPrivate: true, journal);
        await using var client = new KrakenSocketClient(options, TimeProvider.System, tokens, logger: new FakeLogger<KrakenSocketClient>(logs));
        (await client.ConnectAsync(Ct)).Success.ShouldBeTrue();
        var token = (await tokens.GetTokenAsync(renew: false, Ct)).GetValueOrThrow();

        var executions = (await client.SubscribeExecutionsAsync(cancellationToken: Ct)).GetValueOrThrow();
        await executions.Reader.NextAsync();
        var refused = await client.AddOrderAsync(new SocketOrderRequest { Symbol = "BTC/USD", Side = OrderSide.Buy, Quantity = 10m, LimitPrice = 50_000m }, Ct);
        refused.Success.ShouldBeFalse();
        var badField = await client.AddOrderAsync(new SocketOrderRequest { Symbol = "NOPE/USD", Side = OrderSide.Buy, Quantity = 1m, LimitPrice = 1m }, Ct);
        badField.Success.ShouldBeFalse();
        await sandbox.FaultsAsync("""{"dropSockets":true}""");
        await Eventually.TrueAsync(() => client.GetStats() is { Reconnects: 1, State: SocketConnectionState.Connected }, "the client reconnects");
        await executions.Reader.UntilAsync(b => b.Session == 2, "the resubscription");

        logs.Count.ShouldBeGreaterThan(0);
        var printed = logs.GetSnapshot().Select(r => r.Message + " " + r.Exception)
            .Concat([refused.Error!.ToString(), badField.Error!.ToString(), client.ToString(), token.ToString(), tokens.ToString()!, executions.ToString()])
            .Concat(journal.Records.Select(r => r.ToString()));
        printed.ShouldAllBe(text => !text.Contains(token.Value, StringComparison.Ordinal));
        journal.Records.ShouldContain(r => r.Endpoint == "disconnect" && !r.Succeeded);
        journal.Records.ShouldContain(r => r.Endpoint == "subscribe:executions");
    }
}
