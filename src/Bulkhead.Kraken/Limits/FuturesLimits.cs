using System.Collections.Frozen;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// Kraken Futures rate limits (shared/kraken/futures.md §3): the <c>/derivatives</c> cost budget (500 per 10 s) with its
/// per-endpoint costs, and the <c>/history</c> token pool (100 tokens refilling at 100 per 10 minutes) with its costs.
/// The one table of these numbers; the sandbox enforces the same. Endpoints are named by their path after
/// <c>/derivatives/api/v3/</c> or <c>/api/history/v2|v3/</c> (full paths are accepted too), case-insensitively.
/// </summary>
public static class FuturesLimits
{
    /// <summary>The cost the <c>/derivatives</c> endpoints may spend per <see cref="DerivativesWindow"/>.</summary>
    /// <value>500.</value>
    public const decimal DerivativesBudget = 500m;

    /// <summary>The cost of a private <c>/derivatives</c> endpoint the docs do not price (<c>subaccounts</c>, <c>notifications</c>, <c>rfqs/*</c>, …). UNCONFIRMED: chosen like the read-only endpoints.</summary>
    /// <value>2.</value>
    public const decimal UnknownPrivateEndpointCost = 2m;

    /// <summary>The tokens the <c>/history</c> pool holds when full.</summary>
    /// <value>100.</value>
    public const decimal HistoryCapacity = 100m;

    /// <summary>Tokens restored per <see cref="HistoryRefillPeriod"/>, continuously.</summary>
    /// <value>100.</value>
    public const decimal HistoryRefillAmount = 100m;

    /// <summary>The period over which <see cref="DerivativesBudget"/> may be spent.</summary>
    /// <value>10 seconds.</value>
    public static TimeSpan DerivativesWindow { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The period in which <see cref="HistoryRefillAmount"/> tokens come back.</summary>
    /// <value>10 minutes.</value>
    public static TimeSpan HistoryRefillPeriod { get; } = TimeSpan.FromMinutes(10);

    /// <summary>The default <c>count</c> of <c>/account-log</c>.</summary>
    /// <value>500.</value>
    public const int AccountLogDefaultCount = 500;

    private static readonly FrozenDictionary<string, decimal> Derivatives = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["sendorder"] = 10m,
        ["editorder"] = 10m,
        ["cancelorder"] = 10m,
        ["accounts"] = 2m,
        ["openpositions"] = 2m,
        ["openorders"] = 2m,
        ["fills"] = 2m,
        ["cancelallorders"] = 25m,
        ["cancelallordersafter"] = 25m,
        ["withdrawal"] = 100m,
        ["orders/status"] = 1m,
        ["unwindqueue"] = 200m,
        ["transfer"] = 10m,
        ["transfer/subaccount"] = 10m,
        ["self-trade-strategy"] = 2m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // GET costs 2, PUT costs 10.
    private static readonly FrozenSet<string> Preferences = new[] { "leveragepreferences", "pnlpreferences" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PublicDerivatives = new[]
    {
        "tickers", "orderbook", "history", "instruments", "instruments/status", "feeschedules",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, decimal> History = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["orders"] = 1m,
        ["historicalorders"] = 1m,
        ["triggers"] = 1m,
        ["historicaltriggers"] = 1m,
        ["executions"] = 1m,
        ["historicalexecutions"] = 1m,
        ["accountlogcsv"] = 6m,
        ["positions"] = 1m, // UNCONFIRMED: the docs give no cost; third parties assume 1.
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The budget cost of a <c>/derivatives</c> call. <paramref name="isWrite"/> selects the PUT price of
    /// <c>leveragepreferences</c> and <c>pnlpreferences</c> (10; GET 2). <c>fills</c> here is the plain call (2); use
    /// <see cref="FillsCost"/> for <c>lastFillTime</c>; <c>batchorder</c> needs <see cref="BatchOrderCost"/>. Public
    /// endpoints cost 0; private endpoints not in the docs cost <see cref="UnknownPrivateEndpointCost"/> (UNCONFIRMED).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is <c>batchorder</c>, whose cost depends on its size.</exception>
    public static decimal DerivativesCost(string endpoint, bool isWrite = false)
    {
        var path = Normalize(endpoint, "derivatives/api/v3/");
        if (path.Equals("batchorder", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("batchorder costs 9 + the number of instructions; use FuturesLimits.BatchOrderCost.", nameof(endpoint));
        }

        if (Derivatives.TryGetValue(path, out var cost))
        {
            return cost;
        }

        if (Preferences.Contains(path))
        {
            return isWrite ? 10m : 2m;
        }

        if (IsSubaccountTradingSwitch(path))
        {
            return 2m;
        }

        return IsPublicDerivatives(path) ? 0m : UnknownPrivateEndpointCost;
    }

    /// <summary>The cost of <c>batchorder</c> with <paramref name="instructions"/> instructions: 9 + n (a batch of 10 costs 19).</summary>
    public static decimal BatchOrderCost(int instructions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(instructions);
        return 9m + instructions;
    }

    /// <summary>The cost of <c>fills</c>: 2, or 25 when <c>lastFillTime</c> is given.</summary>
    public static decimal FillsCost(bool withLastFillTime) => withLastFillTime ? 25m : 2m;

    /// <summary>
    /// The token cost of a <c>/history</c> call: orders, triggers and executions 1, <c>accountlogcsv</c> 6,
    /// <c>account-log</c> by <paramref name="count"/> (<see cref="AccountLogCost"/>), <c>positions</c> 1 (UNCONFIRMED).
    /// Public <c>market/…</c> history costs 0. Other paths cost 1 (UNCONFIRMED).
    /// </summary>
    public static decimal HistoryCost(string endpoint, int? count = null)
    {
        var path = Normalize(endpoint, "api/history/v3/", "api/history/v2/");
        if (path.Equals("account-log", StringComparison.OrdinalIgnoreCase) || path.Equals("accountlog", StringComparison.OrdinalIgnoreCase))
        {
            return AccountLogCost(count ?? AccountLogDefaultCount);
        }

        if (path.StartsWith("market/", StringComparison.OrdinalIgnoreCase))
        {
            return 0m;
        }

        return History.TryGetValue(path, out var cost) ? cost : 1m;
    }

    /// <summary>The cost of <c>account-log</c> for <paramref name="count"/> entries: 1–25 → 1, 26–50 → 2, 51–1000 → 3, 1001–5000 → 6, 5001–100000 → 10.</summary>
    public static decimal AccountLogCost(int count = AccountLogDefaultCount) => count switch
    {
        < 1 or > 100_000 => throw new ArgumentOutOfRangeException(nameof(count), count, "account-log count must be between 1 and 100000."),
        <= 25 => 1m,
        <= 50 => 2m,
        <= 1000 => 3m,
        <= 5000 => 6m,
        _ => 10m,
    };

    private static string Normalize(string endpoint, params ReadOnlySpan<string> prefixes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        var path = endpoint.Trim().Trim('/');
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        foreach (var prefix in prefixes)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return path[prefix.Length..];
            }
        }

        return path;
    }

    private static bool IsSubaccountTradingSwitch(string path)
    {
        var parts = path.Split('/');
        return parts.Length == 3
            && parts[0].Equals("subaccount", StringComparison.OrdinalIgnoreCase)
            && parts[2].Equals("trading-enabled", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsPublicDerivatives(string path)
    {
        if (PublicDerivatives.Contains(path))
        {
            return true;
        }

        // tickers/{symbol}, instruments/{symbol}/status
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && (path[..slash].Equals("tickers", StringComparison.OrdinalIgnoreCase)
            || (path[..slash].Equals("instruments", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/status", StringComparison.OrdinalIgnoreCase)));
    }
}
