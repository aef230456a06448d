namespace Bulkhead.EndToEnd.Tests.Harness;

/// <summary>The third-party clients <c>clients/run.mjs</c> knows, and Kraken's permission names.</summary>
internal static class Clients
{
    public const string Ccxt = "kraken";
    public const string CcxtFutures = "krakenfutures";
    public const string KrakenApi = "kraken-api";

    public const string QueryFunds = "Query Funds";
    public const string WithdrawFunds = "Withdraw Funds";
    public const string QueryLedgerEntries = "Query Ledger Entries";

    /// <summary>ccxt with its rate limiter off, as the rate-limit scenario asks.</summary>
    public static readonly IReadOnlyDictionary<string, object> NoRateLimiter = new Dictionary<string, object> { ["enableRateLimit"] = false };
}
