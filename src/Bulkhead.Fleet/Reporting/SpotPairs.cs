using Bulkhead.Fleet.Fills;
using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Fleet.Reporting;

/// <summary>The exchange's Spot pairs (one AssetPairs answer): names (id ↔ altname) and each asset's USD pair.</summary>
/// <param name="pairs">AssetPairs' answer, by pair id.</param>
public sealed class SpotPairs(IReadOnlyDictionary<string, AssetPairInfo> pairs)
{
    private readonly Dictionary<string, AssetPairInfo> _byName = pairs.Values
        .SelectMany(p => new[] { (Name: p.Id, Pair: p), (Name: p.AltName, Pair: p) })
        .Concat(pairs.Select(p => (Name: p.Key, Pair: p.Value)))
        .DistinctBy(x => x.Name, StringComparer.Ordinal)
        .ToDictionary(x => x.Name, x => x.Pair, StringComparer.Ordinal);

    /// <summary>The pair named either way (id or altname), or null.</summary>
    public AssetPairInfo? Find(string pair) => _byName.GetValueOrDefault(pair);

    /// <summary>The altname (<c>XBTUSD</c>) of a pair named either way; the name itself when unknown.</summary>
    public string AltName(string pair) => _byName.TryGetValue(pair, out var info) ? info.AltName : pair;

    /// <summary>The altname of <paramref name="asset"/>'s USD pair, or null.</summary>
    public string? UsdPairOf(string asset) =>
        pairs.Values.Where(p => p.Base == asset && FillPnl.IsUsd(p.Quote)).Select(p => p.AltName).Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>Whether the exchange lists <paramref name="pair"/>.</summary>
    public bool IsSpot(string pair) => _byName.ContainsKey(pair);
}
