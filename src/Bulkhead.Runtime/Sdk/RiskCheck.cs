using System.Globalization;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Runtime.Sdk;

/// <summary>
/// The pre-trade risk check run before EVERY order: the subaccount's <see cref="RiskLimits"/> against the position the
/// order could produce. The worst case counts the strategy's resting orders on the same side as filled. An order that
/// only reduces the position is always allowed (so a strategy can get flat); beyond the drawdown limit no other order goes.
/// </summary>
public static class RiskCheck
{
    /// <summary>Null when the order may go; otherwise the breach, as the <c>halted</c> line's reason (<c>risk: …</c>).</summary>
    /// <param name="limits">The subaccount's limits (null: none).</param>
    /// <param name="symbol">The order's symbol.</param>
    /// <param name="position">The current signed position (base units or contracts).</param>
    /// <param name="restingSameSide">Unfilled quantity of the strategy's open orders on the order's side (positive).</param>
    /// <param name="side">The order's side.</param>
    /// <param name="quantity">The order's quantity (positive).</param>
    /// <param name="price">The price the notional is valued at (limit price, or the mark).</param>
    /// <param name="drawdownUsd">The strategy's drawdown now: peak P&amp;L minus P&amp;L (zero or more).</param>
    public static string? Evaluate(RiskLimits? limits, string symbol, decimal position, decimal restingSameSide, OrderSide side, decimal quantity, decimal price, decimal drawdownUsd)
    {
        if (limits is null)
        {
            return null;
        }

        var signed = side == OrderSide.Buy ? quantity : -quantity;
        var after = position + signed;
        if (Math.Abs(after) <= Math.Abs(position) && Math.Sign(after) * Math.Sign(position) >= 0)
        {
            return null; // only reduces: always allowed, so a strategy (or the flattener) can get flat
        }

        if (Drawdown(limits, drawdownUsd) is { } breach)
        {
            return breach;
        }

        var worst = position + (side == OrderSide.Buy ? restingSameSide : -restingSameSide) + signed;
        if (limits.MaxPosition is { } maxPosition && Math.Abs(worst) > maxPosition)
        {
            return Invariant($"risk: {side.ToString().ToLowerInvariant()} {quantity} {symbol} would take the position to {worst} (resting orders included), beyond max_position {maxPosition}");
        }

        if (limits.MaxNotionalUsd is { } maxNotional && Math.Abs(worst) * price > maxNotional)
        {
            return Invariant($"risk: {side.ToString().ToLowerInvariant()} {quantity} {symbol} would take the notional to {Math.Abs(worst) * price:0.##} USD, beyond max_notional_usd {maxNotional}");
        }

        return null;
    }

    /// <summary>The drawdown rule alone (the worker checks it on every poll, not only before orders): the breach, or null.</summary>
    /// <param name="limits">The subaccount's limits (null: none).</param>
    /// <param name="drawdownUsd">Peak P&amp;L minus P&amp;L now.</param>
    public static string? Drawdown(RiskLimits? limits, decimal drawdownUsd) =>
        limits?.MaxDrawdownUsd is { } maxDrawdown && drawdownUsd > maxDrawdown
            ? Invariant($"risk: drawdown {drawdownUsd:0.##} USD exceeds max_drawdown_usd {maxDrawdown}")
            : null;

    /// <summary>How much more can be bought (or sold) before the position or notional limit, counting resting orders; null: unlimited.</summary>
    public static decimal? Headroom(RiskLimits? limits, decimal position, decimal restingSameSide, OrderSide side, decimal price)
    {
        decimal? room = null;
        var worst = side == OrderSide.Buy ? position + restingSameSide : -(position - restingSameSide);
        if (limits?.MaxPosition is { } maxPosition)
        {
            room = Math.Max(0m, maxPosition - worst);
        }

        if (limits?.MaxNotionalUsd is { } maxNotional && price > 0m)
        {
            var byNotional = Math.Max(0m, (maxNotional / price) - worst);
            room = room is { } r ? Math.Min(r, byNotional) : byNotional;
        }

        return room;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
