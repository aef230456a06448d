using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Venues;

/// <summary>
/// The fees one key's account pays on one venue now. Kraken's tier comes from the 30-day volume of the master and all its
/// subaccounts, so every strategy of a fleet sees the same tier. Spot and, since 22 June 2026, Futures fees are read
/// through Spot <c>TradeVolume</c> (futures.md §0): only a Kraken (Spot-side) key can answer; a Futures REST key cannot.
/// </summary>
public interface IFeeVenue
{
    /// <summary>The maker and taker fee on <paramref name="symbol"/> at the account's consolidated tier.</summary>
    Task<KrakenResult<VenueFees>> GetFeesAsync(string symbol, CancellationToken cancellationToken = default);
}
