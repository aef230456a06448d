using System.Diagnostics.CodeAnalysis;

namespace Bulkhead.Kraken.Sockets.Account;

/// <summary>Long or short.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Long and short are the trading terms.")]
public enum PositionDirection
{
    /// <summary>Long.</summary>
    Long = 0,

    /// <summary>Short.</summary>
    Short,
}

/// <summary>
/// A <c>positions</c> item (Unified, derivatives): one open position, or a closed one (<see cref="Size"/> 0, no direction).
/// The margin figures come only with <c>with_margin</c>.
/// </summary>
/// <param name="Symbol">The contract.</param>
/// <param name="Direction">Long or short; null when closed.</param>
/// <param name="Size">The size in contracts (absolute).</param>
/// <param name="EntryPrice">The average entry price.</param>
/// <param name="MarkPrice">The mark price.</param>
/// <param name="UnrealizedPnl">The unrealised P&amp;L.</param>
public sealed record PositionUpdate(string Symbol, PositionDirection? Direction, decimal Size, decimal EntryPrice, decimal MarkPrice, decimal UnrealizedPnl)
{
    /// <summary>The fixed leverage, or null for cross margin.</summary>
    public decimal? MaxLeverage { get; init; }

    /// <summary>The notional value (with margin), or null.</summary>
    public decimal? Notional { get; init; }

    /// <summary>The initial margin (with margin), or null.</summary>
    public decimal? InitialMargin { get; init; }

    /// <summary>The maintenance margin (with margin), or null.</summary>
    public decimal? MaintenanceMargin { get; init; }
}
