namespace Bulkhead.Kraken.Venues;

/// <summary>
/// Everything one key sees of its account on one venue: order entry, fills with fees, the ledger, balances, positions,
/// and the venue's instruments and tickers. The runtime and the fleet use an account only through this; the Futures REST
/// transport, the Spot REST transport and (later) the socket transports implement it.
/// </summary>
public interface IAccountVenue : IOrderVenue, IFillVenue, ILedgerVenue, IBalanceVenue, IPositionVenue, IMarketVenue;
