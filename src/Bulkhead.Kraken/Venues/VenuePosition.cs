namespace Bulkhead.Kraken.Venues;

/// <summary>An open position.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Long or short.</param>
/// <param name="Size">The size, unsigned, in the instrument's trading unit.</param>
/// <param name="AveragePrice">The average entry price.</param>
/// <param name="UnrealisedFunding">Funding accrued and not yet realised, when reported.</param>
public sealed record VenuePosition(string Symbol, PositionSide Side, decimal Size, decimal AveragePrice, decimal? UnrealisedFunding);
