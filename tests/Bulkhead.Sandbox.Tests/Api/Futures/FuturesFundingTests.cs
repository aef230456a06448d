using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

/// <summary>
/// Funding on the Futures REST wire: <c>unrealizedFunding</c> in accounts and open positions, the ticker's rates, the
/// account log's <c>funding rate change</c> lines and <c>historicalfundingrates</c>. A long and a short of 1 XBT at
/// 100,000 (marked 100,000 at noon), then marked 100,100 over an index of 100,000: the hour's average premium
/// (0 + 0.001) / 2 over 8 is a relative rate of 0.0000625, 6.25625 USD an hour.
/// </summary>
public sealed class FuturesFundingTests
{
    private const string Xbt = "PF_XBTUSD";

    [Fact]
    public async Task HalfAnHourIn_AccountsOpenPositionsAndTickers_ShowAccruedAndPredictedFunding()
    {
        await using var sandbox = await OpenedAsync();
        sandbox.Time.Advance(TimeSpan.FromMinutes(30));
        var key = sandbox.Key("long", FuturesAccess.ReadOnly);

        var positions = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/openpositions", key: key);
        var accounts = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/accounts", key: key);
        var ticker = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/tickers/" + Xbt);

        var position = positions.Json.GetProperty("openPositions").EnumerateArray().Single();
        position.GetProperty("unrealizedFunding").GetDecimal().ShouldBe(-3.128125m);          // half of 6.25625, the long pays
        var flex = accounts.Json.GetProperty("accounts").GetProperty("flex");
        flex.GetProperty("unrealizedFunding").GetDecimal().ShouldBe(-3.128125m);
        flex.GetProperty("totalUnrealized").GetDecimal().ShouldBe(100m - 3.128125m);             // 1 × (100,100 − 100,000) of P&L
        var t = ticker.Json.GetProperty("ticker");
        t.GetProperty("fundingRate").GetDecimal().ShouldBe(0m);                                  // nothing published since noon's zero
        t.GetProperty("fundingRatePrediction").GetDecimal().ShouldBe(6.25625m);                  // 0.0000625 × 100,100
    }

    [Fact]
    public async Task AfterTheHour_AccountLogAndHistoricalRates_ShowTheSettlement()
    {
        await using var sandbox = await OpenedAsync();
        sandbox.Time.Advance(TimeSpan.FromHours(1));
        var key = sandbox.Key("short", FuturesAccess.ReadOnly);

        var log = await sandbox.RawAsync(HttpMethod.Get, "/api/history/v3/account-log", "info=funding%20rate%20change", key);
        var v4 = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v4/historicalfundingrates", "symbol=PF_XBTUSD");
        var v3 = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/historical-funding-rates", "symbol=PF_XBTUSD");
        var unknown = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/historicalfundingrates", "symbol=PF_NOPEUSD");
        var ticker = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/tickers/" + Xbt);

        var line = log.Json.GetProperty("logs").EnumerateArray().Single();
        line.GetProperty("info").GetString().ShouldBe("funding rate change");
        line.GetProperty("contract").GetString().ShouldBe("pf_xbtusd");
        line.GetProperty("asset").GetString().ShouldBe("usd");
        line.GetProperty("margin_account").GetString().ShouldBe("flex");
        line.GetProperty("realized_funding").GetDecimal().ShouldBe(6.2563m);                    // the short receives
        line.GetProperty("funding_rate").GetDecimal().ShouldBe(6.25625m);                       // absolute: USD per contract
        line.GetProperty("booking_uid").GetString().ShouldBe("FUND-PF_XBTUSD-2026-11-26T13");
        (line.GetProperty("new_balance").GetDecimal() - line.GetProperty("old_balance").GetDecimal()).ShouldBe(6.2563m);

        v4.Json.GetProperty("result").GetString().ShouldBe("success");
        var rates = v4.Json.GetProperty("rates").EnumerateArray().ToList();
        rates.Select(r => r.GetProperty("timestamp").GetString()).ShouldBe(["2026-11-26T12:00:00.000Z", "2026-11-26T13:00:00.000Z"]);
        rates[1].GetProperty("fundingRate").GetDecimal().ShouldBe(6.25625m);
        rates[1].GetProperty("relativeFundingRate").GetDecimal().ShouldBe(0.0000625m);
        v3.Body.ShouldBe(v4.Body);
        ((int)unknown.Status, unknown.Error).ShouldBe((400, "contractNotFound"));
        ticker.Json.GetProperty("ticker").GetProperty("fundingRate").GetDecimal().ShouldBe(6.25625m);
        sandbox.Exchange.UnbalancedMovements().ShouldBeEmpty();
    }

    /// <summary>A long and a short of 1 XBT at 100,000 from noon, then marked 100,100 over an index of 100,000.</summary>
    private static async Task<FuturesSandbox> OpenedAsync()
    {
        var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Exchange.UpdateMarkPrice(Xbt, 100_000m);
        foreach (var name in new[] { "long", "short" })
        {
            sandbox.Account(name);
            sandbox.Deposit(name, Wallet.FuturesFlex, "ZUSD", 10_000m);
        }

        sandbox.Exchange.PlaceFuturesOrder(new FuturesOrderCommand("short", Xbt, Side.Sell, FuturesOrderKind.Limit, 1m, 100_000m, false, null)).Verdict.ShouldBe(FuturesOrderVerdict.Placed);
        sandbox.Exchange.PlaceFuturesOrder(new FuturesOrderCommand("long", Xbt, Side.Buy, FuturesOrderKind.Limit, 1m, 100_000m, false, null)).Verdict.ShouldBe(FuturesOrderVerdict.Filled);
        sandbox.Exchange.UpdateMarkPrice(Xbt, 100_100m, 100_000m);
        return sandbox;
    }
}
