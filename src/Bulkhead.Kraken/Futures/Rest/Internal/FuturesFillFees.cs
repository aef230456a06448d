using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest.Wire;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Futures.Rest.Internal;

/// <summary>
/// The one rule for a Futures fill's fee (<c>GET /fills</c> has no fee field): the sum of <c>fee</c> over the account-log
/// entries that name the fill as their <c>execution</c> and book a currency, in whichever wallet (flex for
/// multi-collateral contracts, the contract's own wallet for single-collateral ones), in that entry's currency (upper
/// case). A trade's position leg — an entry whose <c>asset</c> is the contract itself — is not money and never counts.
/// A fill with no such entry has paid no fee (a liquidation). Entries of one fill in two currencies are a protocol failure.
/// </summary>
internal static class FuturesFillFees
{
    /// <summary>The fee currency of a fill the log books nothing for.</summary>
    public const string DefaultCurrency = "USD";

    /// <summary>Whether <paramref name="entry"/> carries (part of) the fee of the fill it names.</summary>
    public static bool IsFeeEntry(FuturesAccountLogEntry entry) =>
        entry.Execution is { Length: > 0 } && entry.Asset is { Length: > 0 } asset && !string.Equals(asset, entry.Contract, StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds <paramref name="entry"/>'s fee to its fill's when it is one of <paramref name="wanted"/>'s fee entries.</summary>
    public static KrakenResult<bool> Add(Dictionary<string, VenueFee> fees, IReadOnlySet<string> wanted, FuturesAccountLogEntry entry)
    {
        if (!IsFeeEntry(entry) || !wanted.Contains(entry.Execution!))
        {
            return KrakenResult<bool>.Ok(false);
        }

        var currency = entry.Asset!.ToUpperInvariant();
        var amount = entry.Fee ?? 0m;
        if (fees.TryGetValue(entry.Execution!, out var sofar))
        {
            if (!string.Equals(sofar.Currency, currency, StringComparison.Ordinal))
            {
                return KrakenErrors.BadResponse($"account-log: fill {entry.Execution} books fees in {sofar.Currency} and {currency}");
            }

            amount += sofar.Amount;
        }

        fees[entry.Execution!] = new VenueFee(amount, currency);
        return KrakenResult<bool>.Ok(true);
    }
}
