using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Margin;

/// <summary>What a Futures order action did.</summary>
/// <param name="Verdict">The outcome, as Kraken's status word.</param>
/// <param name="Order">The order as it stands (null when refused before it existed).</param>
/// <param name="Before">The order before the action (edits and cancels), else null.</param>
/// <param name="Trades">This order's fills in this action.</param>
/// <param name="ReducedQuantity">For reduce-only orders trimmed to the position: how much was cut; else null.</param>
/// <param name="Detail">A refusal in words; null on success.</param>
public sealed record FuturesOrderResult(
    FuturesOrderVerdict Verdict,
    SandboxOrder? Order,
    SandboxOrder? Before,
    IReadOnlyList<SandboxTrade> Trades,
    decimal? ReducedQuantity = null,
    string? Detail = null)
{
    /// <summary>A refusal with no order.</summary>
    public static FuturesOrderResult Refused(FuturesOrderVerdict verdict, string detail, SandboxOrder? order = null) => new(verdict, order, null, [], null, detail);
}
