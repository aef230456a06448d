using System.Collections.Frozen;

namespace Bulkhead.Sandbox.Assets;

/// <summary>The assets of the sandbox, in one place for the domain and every API module.</summary>
public static class AssetCatalog
{
    /// <summary>Every asset, Kraken's order.</summary>
    public static IReadOnlyList<SandboxAsset> All { get; } =
    [
        new("XXBT", "XBT", 10, 5, "xbt", 90000m),
        new("XETH", "ETH", 10, 5, "eth", 3000m),
        new("ZUSD", "USD", 4, 2, "usd", 1m),
        new("ZEUR", "EUR", 4, 2, "eur", 1.08m),
        new("USDT", "USDT", 8, 4, "usdt", 1m),
    ];

    private static readonly FrozenDictionary<string, SandboxAsset> ById = All.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, SandboxAsset> ByAltOrFutures =
        All.SelectMany(a => new[] { (a.AltName, a), (a.FuturesCurrency, a) }).DistinctBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(p => p.Item1, p => p.a, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds an asset by id (<c>XXBT</c>), altname (<c>XBT</c>) or Futures currency (<c>xbt</c>).</summary>
    public static SandboxAsset? Find(string name) =>
        ById.TryGetValue(name, out var asset) ? asset : ByAltOrFutures.GetValueOrDefault(name);
}
