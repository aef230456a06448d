using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Runtime.Sdk;

public sealed partial class StrategyContext
{
    /// <summary>How long a fee read is kept: the tier moves with 30-day volume, so a rare read is enough.</summary>
    public static readonly TimeSpan FeeRefresh = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The fees the account pays on <paramref name="symbol"/> at the fleet's consolidated tier: read from the venue
    /// (<see cref="IFeeVenue"/>: Spot <c>TradeVolume</c>) on the first call, then again only after <see cref="FeeRefresh"/>.
    /// When the venue cannot say (a Futures REST key has no <c>TradeVolume</c>) or the read fails before any succeeded,
    /// the published schedule's base tier — the highest fees — so a strategy never prices its trades too cheaply; a
    /// failed refresh keeps the last answer. An authentication halt throws.
    /// </summary>
    public async ValueTask<VenueFees> FeesAsync(string symbol, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var now = Time.GetUtcNow();
        if (_fees.TryGetValue(symbol, out var known) && known.Fees is { } kept && now - known.ReadAt < FeeRefresh)
        {
            return kept;
        }

        var fees = known.Fees ?? PublishedBaseTier(symbol);
        if (_feeVenue is not null)
        {
            var read = await _feeVenue.GetFeesAsync(symbol, cancellationToken).ConfigureAwait(false);
            if (read.Success)
            {
                fees = read.Value;
            }
            else
            {
                ThrowIfHalting(read.Error);
                Log($"the fees of {symbol} could not be read ({read.Error.Code}); using maker {fees.MakerPercent} %, taker {fees.TakerPercent} %");
            }
        }

        _fees[symbol] = (fees, now);
        return fees;
    }

    private VenueFees PublishedBaseTier(string symbol)
    {
        var tier = (Venue == Venue.Futures ? FeeLadder.KrakenFutures : FeeLadder.KrakenSpot).Tiers[0];
        return new VenueFees(symbol, tier.MakerPercent, tier.TakerPercent, null);
    }
}
