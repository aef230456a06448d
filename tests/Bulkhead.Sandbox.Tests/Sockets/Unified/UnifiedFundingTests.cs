using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets.Unified;

/// <summary>
/// Hourly funding on the Unified WebSocket over real sockets: the <c>ledgers</c> channel receives the funding entry when
/// the hour passes, and the public ticker's <c>funding_rate</c> is the published rate. A long of 1 XBT at 100,000 (marked
/// 100,000 at noon), then marked 100,100 over an index of 100,000: (0 + 0.001) / 2 / 8 × 100,100 = 6.25625 USD.
/// </summary>
public sealed class UnifiedFundingTests
{
    [Fact]
    public async Task HourBoundary_OpenPosition_LedgersReceivesTheFundingEntry()
    {
        await using var sandbox = await OpenedAsync();
        sandbox.Futures.Time.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(59));
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();
        (await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"ledgers","token":"{{token}}"}""")).GetProperty("success").GetBoolean().ShouldBeTrue();

        sandbox.Futures.Time.Advance(TimeSpan.FromSeconds(1));

        var ledger = await UnifiedSandbox.MessageAsync(socket, "ledgers", 1, "update");
        var entry = ledger.GetProperty("data").EnumerateArray().Single();
        entry.GetProperty("type").GetString().ShouldBe("funding");
        entry.GetProperty("ref_id").GetString().ShouldBe("FUND-PF_XBTUSD-2026-11-26T13");
        entry.GetProperty("asset").GetString().ShouldBe("USD");
        entry.GetProperty("wallet_id").GetString().ShouldBe("flex");
        entry.GetProperty("amount").GetRawText().ShouldBe("-6.2563");
        entry.GetProperty("fee").GetRawText().ShouldBe("0.0000");
        entry.GetProperty("symbol").GetString().ShouldBe("PF_XBTUSD");
        entry.GetProperty("realized_funding").GetRawText().ShouldBe("-6.2563");
        entry.GetProperty("timestamp").GetString().ShouldBe("2026-11-26T13:00:00.000000Z");
    }

    [Fact]
    public async Task AfterTheHour_UnifiedTicker_FundingRateIsThePublishedRate()
    {
        await using var sandbox = await OpenedAsync();
        sandbox.Futures.Time.Advance(TimeSpan.FromHours(1));
        await using var client = await SocketClient.ConnectAsync(sandbox.Futures.BaseUrl, "/v2/public");

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"ticker","asset_class":"derivatives","symbol":["PF_XBTUSD"]},"req_id":1}""");
        (await client.ResponseAsync(1)).GetProperty("success").GetBoolean().ShouldBeTrue();
        var data = (await client.ChannelAsync("ticker", "snapshot")).GetProperty("data")[0];

        data.GetProperty("funding_rate").GetRawText().ShouldBe("6.25625000");
    }

    private static async Task<UnifiedSandbox> OpenedAsync()
    {
        var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("lp", 1_000_000m);
        sandbox.Account("trader", 10_000m);
        sandbox.Place("lp", Side.Sell, 1m, 100_000m);
        sandbox.Place("trader", Side.Buy, 1m, 100_000m).Trades.ShouldNotBeEmpty();
        sandbox.Exchange.UpdateMarkPrice(UnifiedSandbox.Symbol, 100_100m, 100_000m);
        return sandbox;
    }
}
