namespace Bulkhead.Sandbox.Trading;

/// <summary>A venue's answer to a new order: the hold it reserves, or a refusal.</summary>
/// <param name="Hold">The amount reserved while the order is open.</param>
/// <param name="HoldAsset">The asset reserved (null: none reserved this way).</param>
/// <param name="Refusal">Why the order is refused; null when admitted.</param>
/// <param name="Detail">The refusal in words.</param>
internal readonly record struct SettlementAdmission(decimal Hold, string? HoldAsset, SandboxRejection? Refusal = null, string? Detail = null)
{
    /// <summary>A refusal.</summary>
    public static SettlementAdmission Refuse(SandboxRejection refusal, string detail) => new(0m, null, refusal, detail);
}

/// <summary>One side of a fill, as the core hands it to the venue.</summary>
/// <param name="TradeId">The fill's trade id: the refid of every ledger entry it books.</param>
/// <param name="Price">The fill price.</param>
/// <param name="Quantity">The quantity filled.</param>
/// <param name="Cost">Price × quantity, exact (the venue rounds what it books).</param>
/// <param name="FeePercent">The fee rate to charge this side (already capped at the order's <see cref="SandboxOrder.FeeCap"/>).</param>
/// <param name="IsMaker">True for the resting side.</param>
internal readonly record struct FillSide(string TradeId, decimal Price, decimal Quantity, decimal Cost, decimal FeePercent, bool IsMaker);

/// <summary>What a venue booked for one side of a fill.</summary>
/// <param name="Cost">The quote value booked.</param>
/// <param name="Fee">The fee charged.</param>
/// <param name="FeeAsset">The fee's asset.</param>
/// <param name="HoldReleased">How much of the order's hold the fill used up.</param>
internal readonly record struct SettledFill(decimal Cost, decimal Fee, string FeeAsset, decimal HoldReleased);
