using System.Diagnostics.CodeAnalysis;

namespace Bulkhead.Kraken.Venues;

/// <summary>Which way a position is exposed.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Long and short are the trading terms.")]
public enum PositionSide
{
    /// <summary>Gains when the price rises.</summary>
    Long,

    /// <summary>Gains when the price falls.</summary>
    Short,
}
