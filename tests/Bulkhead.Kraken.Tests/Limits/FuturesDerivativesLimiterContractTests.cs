using Bulkhead.Kraken.Limits;

namespace Bulkhead.Kraken.Tests.Limits;

public sealed class FuturesDerivativesLimiterContractTests : RateLimiterContractTests
{
    protected override decimal Limit => 500m;

    protected override decimal UnitCost => 10m;

    // Everything was booked at one instant, so it all leaves the window 10 s later.
    protected override TimeSpan RetryAfterWhenFull => TimeSpan.FromSeconds(10);

    protected override string ExpectedName => "futures-derivatives";

    protected override IRateLimiter Create(string account, IRateLimitStateStore store, TimeProvider time) =>
        new FuturesDerivativesLimiter(account, store, time);
}
