using Bulkhead.Sandbox.Margin;

namespace Bulkhead.Sandbox;

/// <summary>Hourly funding of the perpetuals (<see cref="FundingDesk"/>).</summary>
public sealed partial class SandboxExchange
{
    /// <summary>The refid of one instrument's funding for the hour ending at <paramref name="boundary"/>.</summary>
    public static string FundingRefId(string symbol, DateTimeOffset boundary) => FundingDesk.RefId(symbol, boundary);

    /// <summary>The perpetual a funding refid belongs to, or null if <paramref name="refId"/> is not a funding refid.</summary>
    public static string? FundedSymbol(string refId) => FundingDesk.FundedSymbol(refId);

    /// <summary>Settles the funding of the latest hour boundary if not done yet; safe to call any time.</summary>
    public void SettleFunding()
    {
        lock (_gate)
        {
            _funding.Settle();
        }
    }

    /// <summary>The published funding rates of a perpetual, oldest first.</summary>
    public IReadOnlyList<FundingRate> FundingHistory(string symbol)
    {
        lock (_gate)
        {
            _funding.Settle();
            return _funding.History(symbol);
        }
    }

    /// <summary>The current absolute funding rate (the last published, 0 before the first) and the predicted one of the hour in progress (USD per contract).</summary>
    public (decimal Current, decimal Predicted) FundingRates(string symbol)
    {
        lock (_gate)
        {
            return _funding.Rates(symbol);
        }
    }

    /// <summary>
    /// Funding accrued on <paramref name="position"/> since the last settlement (Kraken's <c>unrealizedFunding</c>): what it
    /// would pay (negative) or receive at the predicted rate for the part of the hour elapsed. Shown only; margin ignores it.
    /// </summary>
    public decimal UnrealisedFunding(FuturesPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        lock (_gate)
        {
            return _funding.Unrealised(position);
        }
    }

    /// <summary>The rate published with a funding movement, or null if it is not one (or was published before a restart).</summary>
    public FundingRate? FundingOf(string refId)
    {
        ArgumentNullException.ThrowIfNull(refId);
        lock (_gate)
        {
            return _funding.RateOf(refId);
        }
    }
}
