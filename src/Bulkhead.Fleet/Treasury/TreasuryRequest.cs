using System.Globalization;

namespace Bulkhead.Fleet.Treasury;

/// <summary>What the operator asked for, as typed: the same request again continues an unfinished operation.</summary>
/// <param name="Kind">Transfer, sweep or withdraw.</param>
/// <param name="Environment">The manifest environment.</param>
/// <param name="From">The source account.</param>
/// <param name="To">The destination account (transfer), the master (sweep) or the withdrawal key's name (withdraw).</param>
/// <param name="Asset">The Spot asset id; null for a sweep of every asset.</param>
/// <param name="Amount">The amount (transfer, withdraw); null for a sweep.</param>
/// <param name="Keep">What a sweep leaves behind (per asset); null for none.</param>
public sealed record TreasuryRequest(TreasuryOperationKind Kind, string Environment, string From, string To, string? Asset, decimal? Amount, decimal? Keep)
{
    /// <summary>A canonical text of the request: two requests are the same when these are equal.</summary>
    public string Canonical => string.Create(CultureInfo.InvariantCulture,
        $"{Kind.ToString().ToLowerInvariant()} env={Environment} from={From} to={To} asset={Asset ?? "*"} amount={Amount?.ToString(CultureInfo.InvariantCulture) ?? "-"} keep={Keep?.ToString(CultureInfo.InvariantCulture) ?? "-"}");

    /// <summary>The inverse of <see cref="Canonical"/>.</summary>
    public static TreasuryRequest Parse(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var parts = canonical.Split(' ');
        var values = parts.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        static decimal? Number(string text) => text == "-" ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
        return new TreasuryRequest(
            Enum.Parse<TreasuryOperationKind>(parts[0], ignoreCase: true),
            values["env"], values["from"], values["to"],
            values["asset"] == "*" ? null : values["asset"],
            Number(values["amount"]), Number(values["keep"]));
    }
}
