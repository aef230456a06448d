namespace Bulkhead.Sandbox.Market;

/// <summary>
/// The simulated market (<see cref="SandboxOptions.Market"/>): a seeded price path per asset, a liquidity provider
/// (<c>@market</c>) quoting a ladder around it on every Spot pair and Futures instrument, noise takers (<c>@noise</c>)
/// so trades print, and Futures mark/index prices. The same seed gives the same path and quotes on every machine.
/// Defaults suit a demo; see docs/sandbox.md "Market (part 2)".
/// </summary>
public sealed class MarketOptions
{
    /// <summary>Run the market. The library default is off (a bare exchange for tests); <c>bulkhead sandbox serve</c> turns it on unless <c>--no-market</c>.</summary>
    /// <value>False.</value>
    public bool Enabled { get; set; }

    /// <summary>The seed of every price path and noise stream.</summary>
    /// <value>1.</value>
    public long Seed { get; set; } = 1;

    /// <summary>Time between two steps of the path (each step re-quotes every book and may send noise orders).</summary>
    /// <value>1 second.</value>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Standard deviation of one step's relative move of XBT's USD price (0.0005 = 5 bp per step); other assets scale it
    /// (ETH 1.25×, EUR 0.1×, USDT 0.02×; USD is the numéraire and does not move). Must be in [0, 0.05].
    /// </summary>
    /// <value>0.0005.</value>
    public decimal Volatility { get; set; } = 0.0005m;

    /// <summary>Mean relative move per step (0.00001 = +0.1 bp per step), applied to every moving asset. Must be in [-0.01, 0.01].</summary>
    /// <value>0.</value>
    public decimal Drift { get; set; }

    /// <summary>Price levels the liquidity provider keeps on each side of each book. Must be in [1, 100].</summary>
    /// <value>10.</value>
    public int DepthLevels { get; set; } = 10;

    /// <summary>USD value of each quoted level (converted to the base asset, rounded down to the lot, at least the pair's minimum). Must be in [1, 10,000,000].</summary>
    /// <value>5,000.</value>
    public decimal LevelNotionalUsd { get; set; } = 5_000m;

    /// <summary>Minimum distance between the best bid and best ask, in basis points of the path price (at least one tick). Must be in [0, 1,000].</summary>
    /// <value>10 (0.1 %).</value>
    public decimal SpreadBps { get; set; } = 10m;

    /// <summary>Distance between two levels of a side, in basis points of the path price (at least one tick). Must be in (0, 1,000].</summary>
    /// <value>5.</value>
    public decimal LevelSpacingBps { get; set; } = 5m;

    /// <summary>Probability, per book and step, that a noise taker sends a small immediate-or-cancel order. Must be in [0, 1].</summary>
    /// <value>0.5.</value>
    public decimal NoiseRate { get; set; } = 0.5m;

    /// <summary>Average USD value of a noise order (each is 0.5× to 1.5× this). Must be in [1, 10,000,000].</summary>
    /// <value>500.</value>
    public decimal NoiseNotionalUsd { get; set; } = 500m;

    /// <summary>How far the Futures mark price may stray from the index, in basis points (mark = book mid clamped to index ± band). Must be in [0, 1,000].</summary>
    /// <value>50 (0.5 %).</value>
    public decimal MarkBandBps { get; set; } = 50m;

    /// <summary>USD value of each asset deposited into <c>@market</c> and <c>@noise</c> from <c>@external</c> at start (per wallet). Must be in [1,000, 10^12].</summary>
    /// <value>1,000,000,000.</value>
    public decimal FundingUsd { get; set; } = 1_000_000_000m;

    /// <summary>The problems with these options, each naming the option, its value and the allowed range; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (TickInterval < TimeSpan.FromMilliseconds(10) || TickInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"Market.TickInterval is {TickInterval}; it must be between 00:00:00.010 and 01:00:00.");
        }

        Range(problems, nameof(Volatility), Volatility, 0m, 0.05m);
        Range(problems, nameof(Drift), Drift, -0.01m, 0.01m);
        if (DepthLevels is < 1 or > 100)
        {
            problems.Add($"Market.DepthLevels is {DepthLevels}; it must be between 1 and 100.");
        }

        Range(problems, nameof(LevelNotionalUsd), LevelNotionalUsd, 1m, 10_000_000m);
        Range(problems, nameof(SpreadBps), SpreadBps, 0m, 1_000m);
        if (LevelSpacingBps <= 0m || LevelSpacingBps > 1_000m)
        {
            problems.Add(FormattableString.Invariant($"Market.LevelSpacingBps is {LevelSpacingBps}; it must be greater than 0 and at most 1000."));
        }

        Range(problems, nameof(NoiseRate), NoiseRate, 0m, 1m);
        Range(problems, nameof(NoiseNotionalUsd), NoiseNotionalUsd, 1m, 10_000_000m);
        Range(problems, nameof(MarkBandBps), MarkBandBps, 0m, 1_000m);
        Range(problems, nameof(FundingUsd), FundingUsd, 1_000m, 1_000_000_000_000m);
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem (see <see cref="Validate"/>).</summary>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid market options: " + string.Join(" ", problems));
        }
    }

    private static void Range(List<string> problems, string name, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max)
        {
            problems.Add(FormattableString.Invariant($"Market.{name} is {value}; it must be between {min} and {max}."));
        }
    }
}
