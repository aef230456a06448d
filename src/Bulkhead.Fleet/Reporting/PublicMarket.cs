using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reporting.Internal;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// The exchange's public data a monitor needs, read without any key: the marks (as <see cref="FleetReporter"/> values
/// at: Spot mids, Futures mark prices, USD per asset) and the Spot fee ladder from AssetPairs. The pairs are read once
/// and kept; the marks on every call. Not thread-safe: one caller at a time.
/// </summary>
/// <param name="http">The HTTP client (its timeout bounds each call).</param>
/// <param name="environment">The environment whose URLs are read.</param>
/// <param name="time">The clock.</param>
public sealed class PublicMarket(HttpClient http, FleetEnvironment environment, TimeProvider time)
{
    private readonly SpotClient _spot = new(http, new KrakenClientOptions { BaseUrl = environment.SpotUrl }, time);
    private readonly IMarketVenue _spotMarket = PublicVenues.Spot(http, environment, time);
    private readonly IMarketVenue _futuresMarket = PublicVenues.Futures(http, environment, time);
    private IReadOnlyDictionary<string, Kraken.Spot.Models.AssetPairInfo>? _pairs;

    /// <summary>
    /// Reads the marks of <paramref name="symbols"/> (Spot pairs and Futures contracts as the journal names them) and
    /// of <paramref name="assets"/> (through their USD pairs), and the fee ladder of the first Spot symbol.
    /// </summary>
    /// <exception cref="Kraken.Errors.KrakenException">The exchange refused a read.</exception>
    /// <exception cref="HttpRequestException">The exchange could not be reached.</exception>
    public async Task<PublicMarketView> ReadAsync(IEnumerable<string> symbols, IEnumerable<string> assets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(assets);
        // The fee ladder is Spot's public fee schedule (AssetPairs), not part of the venue surface.
        var all = _pairs ??= (await _spot.GetAssetPairsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
        var traded = symbols.ToHashSet(StringComparer.Ordinal);
        var marks = await MarkReader.ReadAsync(_spotMarket, _futuresMarket, traded, assets.ToHashSet(StringComparer.Ordinal), time, cancellationToken).ConfigureAwait(false);
        var feePair = traded.Order(StringComparer.Ordinal)
            .Select(name => all.Values.FirstOrDefault(p => p.AltName == name))
            .FirstOrDefault(p => p is not null);
        return new PublicMarketView(marks, feePair is null ? null : FeeLadder.FromAssetPair(feePair));
    }
}
