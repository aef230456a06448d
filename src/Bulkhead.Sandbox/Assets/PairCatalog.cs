using System.Collections.Frozen;

namespace Bulkhead.Sandbox.Assets;

/// <summary>
/// The Spot pairs of the sandbox, in one place for every API module; the fee lists AssetPairs reports come from the one
/// Spot fee table, <see cref="Fees.FeeSchedules.Spot"/>. Figures follow Kraken's public AssetPairs answer.
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

    /// <summary>Taker fee tiers (30-day USD volume → percent), read from <see cref="Fees.FeeSchedules.Spot"/>.</summary>
    public static IReadOnlyList<(decimal Volume, decimal Percent)> TakerFees { get; } =
        [.. Fees.FeeSchedules.Spot.Tiers.Select(t => (t.Volume, t.TakerPercent))];

    /// <summary>Maker fee tiers (30-day USD volume → percent), read from <see cref="Fees.FeeSchedules.Spot"/>.</summary>
    public static IReadOnlyList<(decimal Volume, decimal Percent)> MakerFees { get; } =
        [.. Fees.FeeSchedules.Spot.Tiers.Select(t => (t.Volume, t.MakerPercent))];

    private static readonly FrozenDictionary<string, SandboxPair> ByName =
        All.SelectMany(p => new[] { (p.Id, p), (p.AltName, p), (p.WsName, p) })
            .ToFrozenDictionary(x => x.Item1, x => x.p, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a pair by id (<c>XXBTZUSD</c>), altname (<c>XBTUSD</c>) or wsname (<c>XBT/USD</c>).</summary>
    public static SandboxPair? Find(string name) => ByName.GetValueOrDefault(name);
}
