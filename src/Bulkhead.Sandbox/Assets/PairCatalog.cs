using System.Collections.Frozen;

namespace Bulkhead.Sandbox.Assets;

/// <summary>
/// The Spot pairs of the sandbox and Kraken's fee schedule as AssetPairs reports it, in one place for every API module.
/// Figures follow Kraken's public AssetPairs answer; the volume tiers above the base tier are UNCONFIRMED (spot.md §6).
/// </summary>
public static class PairCatalog
{
    /// <summary>Every pair.</summary>
    public static IReadOnlyList<SandboxPair> All { get; } =
    [
        new("XXBTZUSD", "XBTUSD", "XBT/USD", "XXBT", "ZUSD", 1, 5, 8, 0.00005m, 0.5m, 0.1m, [2, 3, 4, 5]),
        new("XXBTZEUR", "XBTEUR", "XBT/EUR", "XXBT", "ZEUR", 1, 5, 8, 0.00005m, 0.5m, 0.1m, [2, 3, 4, 5]),
        new("XETHZUSD", "ETHUSD", "ETH/USD", "XETH", "ZUSD", 2, 5, 8, 0.002m, 0.5m, 0.01m, [2, 3, 4, 5]),
        new("XETHXXBT", "ETHXBT", "ETH/XBT", "XETH", "XXBT", 5, 10, 8, 0.002m, 0.00002m, 0.00001m, [2, 3, 4, 5]),
        new("USDTZUSD", "USDTUSD", "USDT/USD", "USDT", "ZUSD", 4, 5, 8, 5m, 5m, 0.0001m, [2, 3]),
    ];

    /// <summary>Taker fee tiers: 30-day USD volume → percent.</summary>
    public static IReadOnlyList<(decimal Volume, decimal Percent)> TakerFees { get; } =
    [
        (0m, 0.40m), (10_000m, 0.35m), (50_000m, 0.24m), (100_000m, 0.22m), (250_000m, 0.20m),
        (500_000m, 0.18m), (1_000_000m, 0.16m), (2_500_000m, 0.14m), (5_000_000m, 0.12m), (10_000_000m, 0.10m),
    ];

    /// <summary>Maker fee tiers: 30-day USD volume → percent.</summary>
    public static IReadOnlyList<(decimal Volume, decimal Percent)> MakerFees { get; } =
    [
        (0m, 0.25m), (10_000m, 0.20m), (50_000m, 0.14m), (100_000m, 0.12m), (250_000m, 0.10m),
        (500_000m, 0.08m), (1_000_000m, 0.06m), (2_500_000m, 0.04m), (5_000_000m, 0.02m), (10_000_000m, 0m),
    ];

    private static readonly FrozenDictionary<string, SandboxPair> ByName =
        All.SelectMany(p => new[] { (p.Id, p), (p.AltName, p), (p.WsName, p) })
            .ToFrozenDictionary(x => x.Item1, x => x.p, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a pair by id (<c>XXBTZUSD</c>), altname (<c>XBTUSD</c>) or wsname (<c>XBT/USD</c>).</summary>
    public static SandboxPair? Find(string name) => ByName.GetValueOrDefault(name);
}
