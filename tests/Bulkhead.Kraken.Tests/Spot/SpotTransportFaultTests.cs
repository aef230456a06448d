using System.Net;
using System.Net.Sockets;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Bulkhead.Testing.FakeKraken;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Spot;

/// <summary>Gateways, broken bodies, timeouts and refused connections become typed errors; safe calls retry with a fresh nonce.</summary>
public sealed class SpotTransportFaultTests
{
    [Theory]
    [InlineData(FakeSpotFault.BadGatewayHtml, KrakenErrors.TransportHttpStatus, KrakenErrorCategory.Transient, "HTTP 502: an HTML page, probably from a proxy or gateway")]
    [InlineData(FakeSpotFault.NotJson, KrakenErrors.TransportBadResponse, KrakenErrorCategory.Protocol, "not JSON (text/plain): upstream connect error")]
    [InlineData(FakeSpotFault.TruncatedJson, KrakenErrors.TransportBadResponse, KrakenErrorCategory.Protocol, "truncated or malformed JSON")]
    [InlineData(FakeSpotFault.EmptyBody, KrakenErrors.TransportBadResponse, KrakenErrorCategory.Protocol, "empty answer (HTTP 200)")]
    public async Task Balance_BadAnswer_ReturnsTypedError(FakeSpotFault fault, string code, KrakenErrorCategory category, string message)
    {
        await using var harness = await SpotHarness.StartAsync(configure: o => o.MaxRetries = 0);
        harness.Server.InjectFault("Balance", fault);

        var result = await harness.Client.GetBalancesAsync(TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe(code);
        result.Error.Category.ShouldBe(category);
        result.Error.Origin.ShouldBe(KrakenErrorOrigin.Transport);
        result.Error.Message.ShouldContain(message);
    }

    [Fact]
    public async Task Balance_ServerHangs_TimesOutWithTypedError()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await SpotHarness.StartAsync(time, configure: o => (o.MaxRetries, o.Timeout) = (0, TimeSpan.FromSeconds(10)));
        harness.Server.InjectFault("Balance", FakeSpotFault.Hang);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Server.Received += _ => arrived.TrySetResult();

        var call = harness.Client.GetBalancesAsync(TestContext.Current.CancellationToken);
        await arrived.Task.WaitAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(10));
        var result = await call;

        result.Error!.Code.ShouldBe(KrakenErrors.TransportTimeout);
        result.Error.Category.ShouldBe(KrakenErrorCategory.Transient);
        result.Error.Message.ShouldBe("no answer within 10 s");
    }

    [Fact]
    public async Task Balance_ConnectionRefused_ReturnsTypedError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();
        var options = new KrakenClientOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}"), MaxRetries = 0 };
        var client = new SpotClient(http, options, TimeProvider.System);

        var result = await client.GetServerTimeAsync(TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe(KrakenErrors.TransportConnection);
        result.Error.Category.ShouldBe(KrakenErrorCategory.Transient);
        result.Error.Message.ShouldContain("could not reach the server");
    }

    [Fact]
    public async Task Balance_TransientServiceUnavailable_RetriedWithFreshNonceAndSucceeds()
    {
        await using var harness = await SpotHarness.StartAsync();
        harness.Server.SetResult("Balance", "{\"ZUSD\":\"2500.0000\"}");
        harness.Server.InjectFault("Balance", FakeSpotFault.ServiceUnavailable, count: 2);

        var result = await harness.Client.GetBalancesAsync(TestContext.Current.CancellationToken);

        result.Value!["ZUSD"].ShouldBe(2500m);
        var requests = harness.Server.Requests;
        requests.Select(r => r.Outcome).ShouldBe(["ServiceUnavailable", "ServiceUnavailable", "ok"]);
        var nonces = requests.Select(r => r.Nonce!.Value).ToList();
        nonces.ShouldBeInOrder(SortDirection.Ascending);
        nonces.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task Balance_TransientFailuresBeyondMaxRetries_ReturnsLastError()
    {
        await using var harness = await SpotHarness.StartAsync(configure: o => o.MaxRetries = 2);
        harness.Server.InjectFault("Balance", FakeSpotFault.ServiceUnavailable, count: 5);

        var result = await harness.Client.GetBalancesAsync(TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe(KrakenErrors.ServiceUnavailable);
        harness.Server.CountOf("Balance").ShouldBe(3);
    }
}
