namespace Bulkhead.Sandbox.Trading;

/// <summary>Which market an order trades on: its book, its settlement (Spot ledger or Futures margin) and its fee table.</summary>
public enum TradingVenue
{
    /// <summary>A Spot pair (<c>XXBTZUSD</c>): settles base and quote in the Spot wallet with holds.</summary>
    Spot = 0,

    /// <summary>A Futures instrument (<c>PF_XBTUSD</c>): settles through the margin module.</summary>
    Futures,
}
