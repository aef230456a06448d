namespace Bulkhead.Sandbox.Assets;

/// <summary>
/// The Futures instruments of the sandbox: linear multi-collateral perpetuals (<c>PF_</c>), in one place for the
/// Futures API and (part 2) matching and margin. Values follow Kraken's <c>PF_XBTUSD</c> example (futures.md §6.13).
/// </summary>
public static class InstrumentCatalog
{
    /// <summary>Kraken's margin ladder for Class A perpetuals: USD-notional lower bound → initial / maintenance margin rate.</summary>
    public static IReadOnlyList<MarginLevel> ClassALevels { get; } =
    [
        new(0m, 0.02m, 0.01m),
        new(500_000m, 0.04m, 0.02m),
        new(2_000_000m, 0.10m, 0.05m),
        new(5_000_000m, 0.20m, 0.10m),
        new(10_000_000m, 0.30m, 0.15m),
        new(30_000_000m, 0.50m, 0.25m),
    ];

    /// <summary>The retail (e.g. EEA) ladder: 50 % initial, 25 % maintenance.</summary>
    public static IReadOnlyList<MarginLevel> RetailLevels { get; } = [new(0m, 0.50m, 0.25m)];

    /// <summary>Every instrument, Kraken's order.</summary>
    public static IReadOnlyList<FuturesInstrumentSpec> All { get; } =
    [
        new("PF_XBTUSD", "XBT", "USD", TickSize: 1m, QuantityDecimals: 4, MaxPositionSize: 1_000_000m, ImpactMidSize: 1m),
        new("PF_ETHUSD", "ETH", "USD", TickSize: 0.1m, QuantityDecimals: 3, MaxPositionSize: 10_000_000m, ImpactMidSize: 1m),
    ];

    /// <summary>Kraken's <c>fundingRateCoefficient</c> of the perpetuals.</summary>
    public const int FundingRateCoefficient = 8;

    /// <summary>Kraken's <c>maxRelativeFundingRate</c> of the perpetuals.</summary>
    public const decimal MaxRelativeFundingRate = 0.25m;

    /// <summary>When the instruments opened (a fixed date: the sandbox has no listing history).</summary>
    public static DateTimeOffset OpeningDate { get; } = new(2022, 9, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An instrument by symbol, case-insensitively (<c>pf_xbtusd</c> too), or null.</summary>
    public static FuturesInstrumentSpec? Find(string symbol) =>
        All.FirstOrDefault(i => string.Equals(i.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
}
