using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Sockets.Venues;

/// <summary>
/// Spot WebSocket v2 names from AssetPairs: a pair's alternative name (<c>XBTUSD</c>, what the venue surface and the
/// journal use) ↔ its v2 symbol (<c>BTC/USD</c>: the REST <c>wsname</c> with Kraken's v2 asset names), and a v2 asset name
/// (<c>USD</c>) → its REST asset id (<c>ZUSD</c>, what REST fills and balances carry, so both transports journal alike).
/// </summary>
internal sealed class SpotSocketNames
{
    private readonly Dictionary<string, string> _wireBySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _symbolByWire = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _assetIds = new(StringComparer.Ordinal);

    public SpotSocketNames(IEnumerable<AssetPairInfo> pairs)
    {
        foreach (var pair in pairs)
        {
            if (pair.WebSocketName?.Split('/') is not [var b, var q])
            {
                continue;
            }

            var wire = V2(b) + "/" + V2(q);
            _wireBySymbol.TryAdd(pair.AltName, wire);
            _wireBySymbol.TryAdd(pair.Id, wire);
            _symbolByWire.TryAdd(wire, pair.AltName);
            _assetIds.TryAdd(V2(b), pair.Base);
            _assetIds.TryAdd(V2(q), pair.Quote);
        }
    }

    public static SpotSocketNames Empty { get; } = new([]);

    /// <summary>True when AssetPairs lists the pair (by alternative name or id).</summary>
    public bool Lists(string symbol) => _wireBySymbol.ContainsKey(symbol);

    /// <summary>The v2 symbol of a pair named by its alternative name or id; the name itself when unknown.</summary>
    public string Wire(string symbol) => _wireBySymbol.GetValueOrDefault(symbol, symbol);

    /// <summary>The alternative name of a v2 symbol; the symbol itself when unknown.</summary>
    public string Symbol(string wire) => _symbolByWire.GetValueOrDefault(wire, wire);

    /// <summary>The REST asset id of a v2 asset name; the name itself when no pair has it.</summary>
    public string AssetId(string asset) => _assetIds.GetValueOrDefault(asset, asset);

    /// <summary>Kraken's v2 name of a REST alternative asset name (<c>XBT</c> → <c>BTC</c>, <c>XDG</c> → <c>DOGE</c>).</summary>
    private static string V2(string alt) => alt switch
    {
        "XBT" => "BTC",
        "XDG" => "DOGE",
        _ => alt,
    };
}
