using System.Net;
using Bulkhead.Kraken.Errors;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Market;

public sealed class FuturesMarketHistoryTests
{
    [Fact]
    public async Task Executions_AfterSteps_NewestFirstWithTakerAndMakerOrders()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(60);
        var (status, json) = await sandbox.GetAsync("/api/history/v3/market/PF_XBTUSD/executions");
        status.ShouldBe(HttpStatusCode.OK);
        var elements = json.GetProperty("elements").EnumerateArray().ToList();
        elements.ShouldNotBeEmpty();
        json.GetProperty("len").GetInt32().ShouldBe(elements.Count);
        var times = elements.Select(e => e.GetProperty("timestamp").GetInt64()).ToList();
        times.ShouldBe(times.OrderDescending());
        var execution = elements[0].GetProperty("event").GetProperty("Execution").GetProperty("execution");
        var taker = execution.GetProperty("takerOrder");
        var maker = execution.GetProperty("makerOrder");
        taker.GetProperty("tradeable").GetString().ShouldBe("PF_XBTUSD");
        taker.GetProperty("direction").GetString().ShouldNotBe(maker.GetProperty("direction").GetString());
        execution.GetProperty("quantity").GetString().ShouldBe(taker.GetProperty("quantity").GetString());
        decimal.Parse(execution.GetProperty("price").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0m);

        var (_, v2) = await sandbox.GetAsync("/api/history/v2/market/PF_XBTUSD/executions");
        v2.GetProperty("elements").GetArrayLength().ShouldBe(elements.Count);
    }

    [Fact]
    public async Task Executions_SinceAscendingPaged_ContinuationTokenWalksEveryTrade()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        var start = sandbox.Time.GetUtcNow().ToUnixTimeMilliseconds();
        sandbox.Step(60);
        var (_, all) = await sandbox.GetAsync($"/api/history/v3/market/PF_XBTUSD/executions?since={start}&sort=asc");
        var total = all.GetProperty("elements").GetArrayLength();
        total.ShouldBeGreaterThan(3);

        var seen = new List<long>();
        string? token = null;
        do
        {
            var query = $"/api/history/v3/market/PF_XBTUSD/executions?since={start}&sort=asc&count=3" + (token is null ? string.Empty : "&continuation_token=" + Uri.EscapeDataString(token));
            var (_, page) = await sandbox.GetAsync(query);
            seen.AddRange(page.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("timestamp").GetInt64()));
            token = page.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        seen.Count.ShouldBe(total);
        seen.ShouldBe(seen.Order());
        var (_, none) = await sandbox.GetAsync($"/api/history/v3/market/PF_XBTUSD/executions?before={start}");
        none.GetProperty("elements").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/history/v3/market/PF_NOPE/executions", HttpStatusCode.NotFound, KrakenErrors.FuturesContractNotFound)]
    [InlineData("/api/history/v3/market/PF_XBTUSD/executions?since=x", HttpStatusCode.BadRequest, "invalidArgument: since")]
    [InlineData("/api/history/v3/market/PF_XBTUSD/executions?before=-1", HttpStatusCode.BadRequest, "invalidArgument: before")]
    [InlineData("/api/history/v3/market/PF_XBTUSD/executions?sort=up", HttpStatusCode.BadRequest, "invalidArgument: sort")]
    [InlineData("/api/history/v3/market/PF_XBTUSD/executions?count=0", HttpStatusCode.BadRequest, "invalidArgument: count")]
    [InlineData("/api/history/v3/market/PF_XBTUSD/executions?count=1001", HttpStatusCode.BadRequest, "invalidArgument: count")]
    [InlineData("/api/history/v3/market/PF_XBTUSD/executions?continuation_token=%%%", HttpStatusCode.BadRequest, "invalidArgument: continuation_token")]
    public async Task Executions_BadArgument_FuturesErrorEnvelope(string path, HttpStatusCode expected, string error)
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        var (status, json) = await sandbox.GetAsync(path);
        status.ShouldBe(expected);
        json.GetProperty("error").GetString().ShouldBe(error);
    }
}
