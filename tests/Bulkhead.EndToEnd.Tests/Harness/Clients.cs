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
    public const string QueryOpen = "Query Open Orders & Trades";
    public const string QueryClosed = "Query Closed Orders & Trades";
    public const string ModifyOrders = "Modify Orders";
    public const string CancelOrders = "Cancel/Close Orders";
    public const string WebSockets = "Access WebSockets API";

    public const string Krakenex = "krakenex";
    public const string PythonKrakenSdk = "python-kraken-sdk";
    public const string PythonKrakenSdkFutures = "python-kraken-sdk-futures";

    /// <summary>Everything a trading client needs: funds, ledger, open/closed orders, trading, cancelling.</summary>
    public static readonly IReadOnlyList<string> Trader = [QueryFunds, QueryLedgerEntries, QueryOpen, QueryClosed, ModifyOrders, CancelOrders];

    /// <summary>A trader that also streams and trades over the WebSocket API (ccxt pro).</summary>
    public static readonly IReadOnlyList<string> SocketTrader = [.. Trader, WebSockets];

    /// <summary>ccxt with its rate limiter off, as the rate-limit scenario asks.</summary>
    public static readonly IReadOnlyDictionary<string, object> NoRateLimiter = new Dictionary<string, object> { ["enableRateLimit"] = false };
}
