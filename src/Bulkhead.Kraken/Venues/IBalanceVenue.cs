using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Venues;

/// <summary>Balances and margin of one account of one venue.</summary>
public interface IBalanceVenue
{
    /// <summary>What the account holds, per wallet and currency, and the margin state of its margin wallets.</summary>
    Task<KrakenResult<VenueBalances>> GetBalancesAsync(CancellationToken cancellationToken = default);
}
