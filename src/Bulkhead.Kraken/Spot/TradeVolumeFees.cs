using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Spot;

/// <summary>
/// <see cref="IFeeVenue"/> over Spot <c>TradeVolume</c>: a Spot pair's fees, or — with <c>derivatives</c> — a Futures
/// contract's, asked as a <c>derivatives</c> asset (Kraken's central fee service since 22 June 2026; futures.md §0). One
/// call per read; callers keep the answer and read again rarely (the tier moves with 30-day volume).
/// </summary>
public sealed class TradeVolumeFees : IFeeVenue
{
    private readonly SpotClient _client;
    private readonly bool _derivatives;

    /// <summary>Reads fees with <paramref name="client"/>'s key (it needs "Query Funds").</summary>
    /// <param name="client">A Spot client of the account.</param>
    /// <param name="derivatives">True when the symbols are Futures contracts.</param>
    public TradeVolumeFees(SpotClient client, bool derivatives)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _derivatives = derivatives;
    }

    /// <inheritdoc />
    public async Task<KrakenResult<VenueFees>> GetFeesAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var volume = _derivatives
            ? await _client.GetTradeVolumeAsync([TradeVolumeAsset.Derivative(symbol)], cancellationToken).ConfigureAwait(false)
            : await _client.GetTradeVolumeAsync([symbol], cancellationToken).ConfigureAwait(false);
        if (!volume.Success)
        {
            return volume.Error;
        }

        // One instrument asked: its entry is the only one, whatever key the exchange files it under (pair id or altname).
        if (volume.Value.TakerFees.Values.FirstOrDefault() is not { } taker)
        {
            return KrakenErrors.UnknownSymbol(symbol);
        }

        var maker = volume.Value.MakerFees.Values.FirstOrDefault()?.Percent ?? taker.Percent;
        return KrakenResult<VenueFees>.Ok(new VenueFees(symbol, maker, taker.Percent, volume.Value.Volume));
    }
}
