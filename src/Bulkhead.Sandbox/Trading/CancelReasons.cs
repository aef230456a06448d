namespace Bulkhead.Sandbox.Trading;

/// <summary>The <c>reason</c> texts of closed orders. Kraken's exact wording is UNCONFIRMED (docs/sandbox.md).</summary>
public static class CancelReasons
{
    /// <summary>Cancelled by the account (CancelOrder, CancelAll).</summary>
    public const string User = "User requested";

    /// <summary>Cancelled by the dead man's switch (CancelAllOrdersAfter).</summary>
    public const string DeadMansSwitch = "Dead man's switch";

    /// <summary>A GTD order whose time ran out.</summary>
    public const string Expired = "Order expired";

    /// <summary>A post-only order that would have taken.</summary>
    public const string PostOnly = "Post only order";

    /// <summary>Self-trade prevention.</summary>
    public const string SelfTrade = "Self trade prevention";

    /// <summary>The unfilled rest of an IOC order.</summary>
    public const string ImmediateOrCancel = "Immediate or cancel";

    /// <summary>The unfilled rest of a market order.</summary>
    public const string NoLiquidity = "Insufficient liquidity";

    /// <summary>Replaced by EditOrder.</summary>
    public const string Replaced = "Order replaced";

    /// <summary>Cancelled by a liquidation; also the reason of the orders that closed the liquidated positions.</summary>
    public const string Liquidation = "Liquidation";
}
