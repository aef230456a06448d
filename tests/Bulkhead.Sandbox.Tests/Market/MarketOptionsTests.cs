using Bulkhead.Sandbox.Market;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Market;

public sealed class MarketOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValidAndDisabled()
    {
        var options = new MarketOptions();
        options.Validate().ShouldBeEmpty();
        options.Enabled.ShouldBeFalse();
        new SandboxOptions().Market.ShouldNotBeNull();
    }

    [Fact]
    public void Validate_EveryBadValue_NamesTheOptionItsValueAndTheRange()
    {
        var options = new MarketOptions
        {
            TickInterval = TimeSpan.Zero,
            Volatility = 0.06m,
            Drift = -0.02m,
            DepthLevels = 0,
            LevelNotionalUsd = 0m,
            SpreadBps = -1m,
            LevelSpacingBps = 0m,
            NoiseRate = 1.5m,
            NoiseNotionalUsd = 0.5m,
            MarkBandBps = 2000m,
            FundingUsd = 10m,
        };
        options.Validate().ShouldBe(
        [
            "Market.TickInterval is 00:00:00; it must be between 00:00:00.010 and 01:00:00.",
            "Market.Volatility is 0.06; it must be between 0 and 0.05.",
            "Market.Drift is -0.02; it must be between -0.01 and 0.01.",
            "Market.DepthLevels is 0; it must be between 1 and 100.",
            "Market.LevelNotionalUsd is 0; it must be between 1 and 10000000.",
            "Market.SpreadBps is -1; it must be between 0 and 1000.",
            "Market.LevelSpacingBps is 0; it must be greater than 0 and at most 1000.",
            "Market.NoiseRate is 1.5; it must be between 0 and 1.",
            "Market.NoiseNotionalUsd is 0.5; it must be between 1 and 10000000.",
            "Market.MarkBandBps is 2000; it must be between 0 and 1000.",
            "Market.FundingUsd is 10; it must be between 1000 and 1000000000000.",
        ]);
        Should.Throw<ArgumentException>(options.ThrowIfInvalid).Message.ShouldStartWith("Invalid market options: Market.TickInterval is 00:00:00;");
    }
}
