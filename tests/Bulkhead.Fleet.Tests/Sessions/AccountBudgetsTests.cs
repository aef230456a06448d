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
        var headroom = AccountBudgets.Read(_store, "sandbox", "mm", Venue.Spot, SpotTier.Intermediate, ["XBTUSD"], ["mm-trader"], _time);

        var rest = headroom.SpotRest.ShouldHaveSingleItem();
        rest.Key.ShouldBe("mm-trader");
        rest.Value.Fraction.ShouldBe(1m);
        rest.Value.Limit.ShouldBe(SpotRestLimits.For(SpotTier.Intermediate).Maximum - ProcessSessionOptions.BudgetMargin);
        headroom.Trading.Fraction.ShouldBe(1m);
    }

    [Fact]
    public void Read_SeesWhatASessionsLimitersSpent_PerKeyRestAndTheAccountsTrading_AndItDecays()
    {
        var account = AccountBudgets.StateAccount("sandbox", "mm");
        var limits = new AccountRateLimits(account, SpotTier.Intermediate, _store, _time, AccountBudgets.SpotRest(SpotTier.Intermediate));
        limits.SpotRest("mm-trader").TryAcquire(4m).Granted.ShouldBeTrue();
        limits.SpotTrading("XBTUSD").TryAcquire(50m).Granted.ShouldBeTrue();

        var spent = AccountBudgets.Read(_store, "sandbox", "mm", Venue.Spot, SpotTier.Intermediate, ["XBTUSD", "ETHUSD"], ["mm-trader", "mm-flattener"], _time);

        spent.SpotRest["mm-trader"].Used.ShouldBe(4m);
        spent.SpotRest["mm-flattener"].Used.ShouldBe(0m);
        spent.Trading.Used.ShouldBe(50m);
        spent.Trading.Limiter.ShouldBe("spot-trading/XBTUSD");
        _time.Advance(TimeSpan.FromSeconds(60));
        var later = AccountBudgets.Read(_store, "sandbox", "mm", Venue.Spot, SpotTier.Intermediate, ["XBTUSD"], ["mm-trader"], _time);
        later.Trading.Fraction.ShouldBe(1m);
        later.SpotRest["mm-trader"].Fraction.ShouldBe(1m);
    }

    [Fact]
    public void Read_OtherEnvironment_SeparateBudgets()
    {
        new SpotRestLimiter(AccountBudgets.StateAccount("production", "mm"), "mm-trader", AccountBudgets.SpotRest(SpotTier.Intermediate), _store, _time).TryAcquire(4m);

        AccountBudgets.Read(_store, "sandbox", "mm", Venue.Spot, SpotTier.Intermediate, [], ["mm-trader"], _time).SpotRest["mm-trader"].Fraction.ShouldBe(1m);
    }

    [Fact]
    public void Read_Futures_TradingIsTheDerivativesBudget()
    {
        var headroom = AccountBudgets.Read(_store, "sandbox", "hedge", Venue.Futures, SpotTier.Intermediate, ["PF_XBTUSD"], [], _time);

        headroom.Trading.Limiter.ShouldBe(FuturesDerivativesLimiter.LimiterName);
        headroom.SpotRest.ShouldBeEmpty();
    }
}
