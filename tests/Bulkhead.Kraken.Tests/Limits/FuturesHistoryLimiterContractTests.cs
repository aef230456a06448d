using Bulkhead.Kraken.Limits;

namespace Bulkhead.Kraken.Tests.Limits;

public sealed class FuturesHistoryLimiterContractTests : RateLimiterContractTests
{
    protected override decimal Limit => 100m;

    protected override decimal UnitCost => 1m;

    // One token comes back every 600 s / 100 = 6 s.
    protected override TimeSpan RetryAfterWhenFull => TimeSpan.FromSeconds(6);

    protected override string ExpectedName => "futures-history";

    protected override IRateLimiter Create(string account, IRateLimitStateStore store, TimeProvider time) =>
        new FuturesHistoryLimiter(account, store, time);
}
