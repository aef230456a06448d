using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Spot.Internal;

/// <summary>One AssetPairs answer, by either name a pair goes by: its id (<c>XXBTZUSD</c>, what TradesHistory and Ticker key by) and its alternative name (<c>XBTUSD</c>, what venue callers use).</summary>
internal sealed class SpotPairIndex
{
    private readonly Dictionary<string, AssetPairInfo> _byName;

    public SpotPairIndex(IReadOnlyDictionary<string, AssetPairInfo> pairs)
    {
        Pairs = pairs;
        _byName = pairs.Values
            .SelectMany(p => new[] { (Name: p.Id, Pair: p), (Name: p.AltName, Pair: p) })
            .Concat(pairs.Select(p => (Name: p.Key, Pair: p.Value)))
            .DistinctBy(x => x.Name, StringComparer.Ordinal)
            .ToDictionary(x => x.Name, x => x.Pair, StringComparer.Ordinal);
    }

    /// <summary>The answer, by pair id.</summary>
    public IReadOnlyDictionary<string, AssetPairInfo> Pairs { get; }

    /// <summary>The pair named either way, or null.</summary>
    public AssetPairInfo? Find(string pair) => _byName.GetValueOrDefault(pair);

    /// <summary>The alternative name of a pair named either way; the name itself when unknown.</summary>
    public string AltName(string pair) => _byName.TryGetValue(pair, out var info) ? info.AltName : pair;
}
