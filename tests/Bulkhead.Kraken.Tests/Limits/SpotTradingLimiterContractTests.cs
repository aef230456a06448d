using Bulkhead.Kraken.Limits;

namespace Bulkhead.Kraken.Tests.Limits;

public sealed class SpotTradingLimiterContractTests : RateLimiterContractTests
{
    protected override decimal Limit => 125m;

    protected override decimal UnitCost => 5m;

    // (125 + 5 − 125) / 2.34 s = 2.1367521367… s, rounded up to the tick.
    protected override TimeSpan RetryAfterWhenFull => TimeSpan.FromTicks(21_367_522);

    protected override string ExpectedName => "spot-trading/XBTUSD";

    protected override IRateLimiter Create(string account, IRateLimitStateStore store, TimeProvider time) =>
        new SpotTradingLimiter(account, "XBTUSD", SpotTradingLimits.Intermediate, store, time);
}
