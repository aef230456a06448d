using System.Net;
using System.Text.Json;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Bulkhead.Sandbox.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Market;

/// <summary>
/// A real sandbox on loopback (in-memory store, fake clock) with the market on. The background step interval is an
/// hour, so only <see cref="Step"/> moves the market (one second and one <see cref="SandboxMarket.Tick"/> per step).
/// </summary>
internal sealed class MarketSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MarketSandbox(WebApplication app, Uri baseUrl, FakeTimeProvider time)
    {
        _app = app;
        BaseUrl = baseUrl;
        Time = time;
        Http = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public SandboxExchange Exchange => _app.GetExchange();

    public SandboxMarket Market => _app.GetMarket()!;

    public static async Task<MarketSandbox> StartAsync(long seed = 42, bool enabled = true, int depthLevels = 10)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        var options = new SandboxOptions { InMemory = true, Market = new MarketOptions { Enabled = enabled, Seed = seed, TickInterval = TimeSpan.FromHours(1), DepthLevels = depthLevels } };
        var app = SandboxHost.Build(options, "http://127.0.0.1:0", time);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MarketSandbox(app, new Uri(address.TrimEnd('/') + "/"), time);
    }

    public void Step(int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            Market.Tick();
        }
    }

    public async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path.TrimStart('/'), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A Spot public call that must succeed: its <c>result</c>.</summary>
    public async Task<JsonElement> SpotAsync(string methodAndQuery)
    {
        var (status, json) = await GetAsync("/0/public/" + methodAndQuery);
        status.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("error").GetArrayLength().ShouldBe(0, json.ToString());
        return json.GetProperty("result");
    }

    /// <summary>A Spot public call that must fail with <paramref name="error"/> in Kraken's envelope (HTTP 200).</summary>
    public async Task SpotFailsAsync(string methodAndQuery, string error)
    {
        var (status, json) = await GetAsync("/0/public/" + methodAndQuery);
        status.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("error")[0].GetString().ShouldBe(error, methodAndQuery);
    }

    public SpotClient SpotClient() =>
        new(Http, new KrakenClientOptions { BaseUrl = BaseUrl, MaxRetries = 0, RetryBaseDelay = TimeSpan.Zero }, Time);

    public FuturesRestClient FuturesClient() =>
        new(Http, new KrakenClientOptions { BaseUrl = BaseUrl, MaxRetries = 0, RetryBaseDelay = TimeSpan.Zero }, Time);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
