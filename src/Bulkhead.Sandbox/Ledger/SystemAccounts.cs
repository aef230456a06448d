namespace Bulkhead.Sandbox.Ledger;

/// <summary>Accounts that exist only in the ledger, so every movement has two sides. Their names start with <c>@</c>, which user accounts cannot.</summary>
public static class SystemAccounts
{
    /// <summary>The world outside the exchange: deposits come from it, withdrawals go to it.</summary>
    public const string External = "@external";

    /// <summary>Fees collected by the exchange.</summary>
    public const string Fees = "@fees";

    /// <summary>The counterparty of realised Futures profit and loss (Futures margin, <c>Margin/</c>).</summary>
    public const string Clearing = "@clearing";

    /// <summary>The insurance fund: takes over liquidated Futures positions at the mark price and covers a bankrupt remainder.</summary>
    public const string Insurance = "@insurance";

    /// <summary>The counterparty of hourly perpetual funding: pays longs and takes from shorts (or the reverse) so every hour balances.</summary>
    public const string Funding = "@funding";
}
