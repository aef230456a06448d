using Bulkhead.Kraken.Limits;

namespace Bulkhead.Kraken.Tests.Limits;

public sealed class SpotRestLimiterContractTests : RateLimiterContractTests
{
    protected override decimal Limit => 15m;

    protected override decimal UnitCost => 1m;

    // (15 + 1 − 15) / 0.33 s = 3.0303030303… s, rounded up to the tick.
    protected override TimeSpan RetryAfterWhenFull => TimeSpan.FromTicks(30_303_031);

    protected override string ExpectedName => "spot-rest";

    protected override IRateLimiter Create(string account, IRateLimitStateStore store, TimeProvider time) =>
        new SpotRestLimiter(account, "key", SpotRestLimits.Starter, store, time);
}
