namespace Bulkhead.Kraken.Venues;

/// <summary>What anyone may read of one venue without a key: its instruments and their tickers.</summary>
public interface IMarketVenue : IInstrumentVenue, ITickerVenue;
