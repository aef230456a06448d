namespace Bulkhead.Kraken.Spot.Models;

/// <summary>How an order executes.</summary>
public enum SpotOrderType
{
    /// <summary>A type this client does not know.</summary>
    Unknown = 0,

    /// <summary>Execute now at the best available prices.</summary>
    Market,

    /// <summary>Execute at the limit price or better.</summary>
    Limit,

    /// <summary>Stop loss.</summary>
    StopLoss,

    /// <summary>Take profit.</summary>
    TakeProfit,

    /// <summary>Stop loss with a limit price.</summary>
    StopLossLimit,

    /// <summary>Take profit with a limit price.</summary>
    TakeProfitLimit,

    /// <summary>Trailing stop.</summary>
    TrailingStop,

    /// <summary>Trailing stop with a limit price.</summary>
    TrailingStopLimit,

    /// <summary>Iceberg.</summary>
    Iceberg,

    /// <summary>Settle a margin position.</summary>
    SettlePosition,
}
