using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Kraken.Limits;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Sessions;

public sealed class AccountBudgetsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRateLimitStateStore _store = new();

    [Fact]
    public void Read_UntouchedAccount_FullBudgets()
    {
        var headroom = AccountBudgets.Read(_store, "sandbox", "mm", Venue.Spot, SpotTier.Intermediate, ["XBTUSD"], _time);

        headroom.SpotRest.Fraction.ShouldBe(1m);
        headroom.SpotRest.Limit.ShouldBe(SpotRestLimits.For(SpotTier.Intermediate).Maximum - ProcessSessionOptions.BudgetMargin);
        headroom.Trading.Fraction.ShouldBe(1m);
    }

    [Fact]
    public void Read_SeesWhatASessionsLimitersSpent_AndItDecays()
    {
        var account = AccountBudgets.StateAccount("sandbox", "mm");
        var limits = new AccountRateLimits(account, SpotTier.Intermediate, _store, _time);
        new SpotRestLimiter(account, AccountBudgets.SpotRest(SpotTier.Intermediate), _store, _time).TryAcquire(4m).Granted.ShouldBeTrue();
        limits.SpotTrading("XBTUSD").TryAcquire(50m).Granted.ShouldBeTrue();

        var spent = AccountBudgets.Read(_store, "sandbox", "mm", Venue.Spot, SpotTier.Intermediate, ["XBTUSD", "ETHUSD"], _time);

        spent.SpotRest.Used.ShouldBe(4m);
        spent.Trading.Used.ShouldBe(50m);
        spent.Trading.Limiter.ShouldBe("spot-trading/XBTUSD");
        _time.Advance(TimeSpan.FromSeconds(60));
        AccountBudgets.Read(_store, "sandbox", "mm", Venue.Spot, SpotTier.Intermediate, ["XBTUSD"], _time).Trading.Fraction.ShouldBe(1m);
    }

    [Fact]
    public void Read_OtherEnvironment_SeparateBudgets()
    {
        new SpotRestLimiter(AccountBudgets.StateAccount("production", "mm"), AccountBudgets.SpotRest(SpotTier.Intermediate), _store, _time).TryAcquire(4m);

        AccountBudgets.Read(_store, "sandbox", "mm", Venue.Spot, SpotTier.Intermediate, [], _time).SpotRest.Fraction.ShouldBe(1m);
    }

    [Fact]
    public void Read_Futures_TradingIsTheDerivativesBudget()
    {
        AccountBudgets.Read(_store, "sandbox", "hedge", Venue.Futures, SpotTier.Intermediate, ["PF_XBTUSD"], _time).Trading.Limiter.ShouldBe(FuturesDerivativesLimiter.LimiterName);
    }
}
