using Bulkhead.Kraken.Limits;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Limits;

/// <summary>The Futures limits against the numbers in shared/kraken/futures.md §3.</summary>
public sealed class FuturesLimitsDocumentedNumbersTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRateLimitStateStore _store = new();

    [Fact]
    public void Derivatives_FiftySendOrders_FillBudget_NextWaitsForFirstToLeaveWindow()
    {
        var limiter = new FuturesDerivativesLimiter("acct", _store, _time);
        var sendOrder = FuturesLimits.DerivativesCost("sendorder");
        for (var i = 0; i < 50; i++)
        {
            limiter.TryAcquire(sendOrder).Granted.ShouldBeTrue($"sendorder #{i + 1}");
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // Now 5 s after the first; it leaves the window at 10 s.
        var refused = limiter.TryAcquire(sendOrder);
        refused.Granted.ShouldBeFalse();
        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(5));

        _time.Advance(refused.RetryAfter);
        limiter.TryAcquire(sendOrder).Granted.ShouldBeTrue();
        limiter.TryAcquire(sendOrder).RetryAfter.ShouldBe(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Derivatives_LargeCost_WaitsForEnoughOldEntries()
    {
        var limiter = new FuturesDerivativesLimiter("acct", _store, _time);
        for (var i = 0; i < 50; i++)
        {
            limiter.TryAcquire(10m).Granted.ShouldBeTrue();
            _time.Advance(TimeSpan.FromSeconds(0.1));
        }

        // cancelallorders (25) needs three sendorders (30) gone: the third leaves at 10.2 s, now is 5 s.
        limiter.TryAcquire(25m).RetryAfter.ShouldBe(TimeSpan.FromSeconds(5.2));
    }

    [Fact]
    public void BatchOrderCost_OfTen_IsNineteen()
    {
        FuturesLimits.BatchOrderCost(10).ShouldBe(19m);
        FuturesLimits.BatchOrderCost(1).ShouldBe(10m);
        Should.Throw<ArgumentException>(() => FuturesLimits.DerivativesCost("batchorder"));
    }

    [Theory]
    [InlineData("sendorder", false, 10)]
    [InlineData("editorder", false, 10)]
    [InlineData("cancelorder", false, 10)]
    [InlineData("accounts", false, 2)]
    [InlineData("openpositions", false, 2)]
    [InlineData("openorders", false, 2)]
    [InlineData("fills", false, 2)]
    [InlineData("cancelallorders", false, 25)]
    [InlineData("cancelallordersafter", false, 25)]
    [InlineData("withdrawal", false, 100)]
    [InlineData("orders/status", false, 1)]
    [InlineData("unwindqueue", false, 200)]
    [InlineData("leveragepreferences", false, 2)]
    [InlineData("leveragepreferences", true, 10)]
    [InlineData("pnlpreferences", false, 2)]
    [InlineData("pnlpreferences", true, 10)]
    [InlineData("transfer", true, 10)]
    [InlineData("transfer/subaccount", true, 10)]
    [InlineData("subaccount/6b3f1e8a-0000-4000-8000-000000000000/trading-enabled", true, 2)]
    [InlineData("self-trade-strategy", false, 2)]
    [InlineData("/derivatives/api/v3/sendorder", true, 10)]
    [InlineData("/derivatives/api/v3/openorders?x=1", false, 2)]
    [InlineData("tickers", false, 0)]
    [InlineData("tickers/PF_XBTUSD", false, 0)]
    [InlineData("orderbook", false, 0)]
    [InlineData("instruments", false, 0)]
    [InlineData("instruments/PF_XBTUSD/status", false, 0)]
    [InlineData("subaccounts", false, 2)]
    [InlineData("notifications", false, 2)]
    public void DerivativesCost_MatchesDocumentedTable(string endpoint, bool isWrite, int cost)
    {
        FuturesLimits.DerivativesCost(endpoint, isWrite).ShouldBe(cost);
    }

    [Fact]
    public void FillsCost_WithLastFillTime_IsTwentyFive()
    {
        FuturesLimits.FillsCost(withLastFillTime: true).ShouldBe(25m);
        FuturesLimits.FillsCost(withLastFillTime: false).ShouldBe(2m);
    }

    [Fact]
    public void History_HundredTokensThenRefused_RefillsHundredPerSixHundredSeconds()
    {
        var limiter = new FuturesHistoryLimiter("acct", _store, _time);
        for (var i = 0; i < 100; i++)
        {
            limiter.TryAcquire(FuturesLimits.HistoryCost("orders")).Granted.ShouldBeTrue($"call #{i + 1}");
        }

        var refused = limiter.TryAcquire(1m);
        refused.Granted.ShouldBeFalse();
        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(6));

        _time.Advance(TimeSpan.FromSeconds(300));
        limiter.GetHeadroom().Available.ShouldBe(50m);

        _time.Advance(TimeSpan.FromSeconds(300));
        limiter.GetHeadroom().Available.ShouldBe(100m);

        _time.Advance(TimeSpan.FromHours(1));
        limiter.GetHeadroom().Available.ShouldBe(100m, "the pool never holds more than its capacity");
        limiter.TryAcquire(100m).Granted.ShouldBeTrue();
    }

    [Fact]
    public void History_AccountLogCsvWhenFiveTokensLeft_WaitsSixSeconds()
    {
        var limiter = new FuturesHistoryLimiter("acct", _store, _time);
        limiter.TryAcquire(95m).Granted.ShouldBeTrue();

        limiter.TryAcquire(FuturesLimits.HistoryCost("accountlogcsv")).RetryAfter.ShouldBe(TimeSpan.FromSeconds(6));
    }

    [Theory]
    [InlineData("orders", null, 1)]
    [InlineData("historicalorders", null, 1)]
    [InlineData("triggers", null, 1)]
    [InlineData("executions", null, 1)]
    [InlineData("/api/history/v2/executions", null, 1)]
    [InlineData("accountlogcsv", null, 6)]
    [InlineData("positions", null, 1)]
    [InlineData("account-log", null, 3)]
    [InlineData("/api/history/v3/account-log", 1, 1)]
    [InlineData("account-log", 25, 1)]
    [InlineData("account-log", 26, 2)]
    [InlineData("account-log", 50, 2)]
    [InlineData("account-log", 51, 3)]
    [InlineData("account-log", 1000, 3)]
    [InlineData("account-log", 1001, 6)]
    [InlineData("account-log", 5000, 6)]
    [InlineData("account-log", 5001, 10)]
    [InlineData("account-log", 100000, 10)]
    [InlineData("market/PF_XBTUSD/executions", null, 0)]
    public void HistoryCost_MatchesDocumentedTable(string endpoint, int? count, int cost)
    {
        FuturesLimits.HistoryCost(endpoint, count).ShouldBe(cost);
    }

    [Fact]
    public void AccountLogCost_OutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => FuturesLimits.AccountLogCost(0));
        Should.Throw<ArgumentOutOfRangeException>(() => FuturesLimits.AccountLogCost(100_001));
    }
}
