namespace Bulkhead.Sandbox.Ledger;

/// <summary>Kinds of ledger entries, with Kraken's <c>type</c> names on the wire (<c>deposit</c>, <c>withdrawal</c>, <c>transfer</c>, <c>trade</c>, …).</summary>
public enum LedgerEntryType
{
    /// <summary>Funds arriving from outside (admin deposit).</summary>
    Deposit = 0,

    /// <summary>Funds leaving to outside (Withdraw).</summary>
    Withdrawal,

    /// <summary>Between accounts (master ↔ subaccount) or between an account's wallets.</summary>
    Transfer,

    /// <summary>A trade leg (part 2).</summary>
    Trade,

    /// <summary>A fee (part 2).</summary>
    Fee,

    /// <summary>Hourly funding of a perpetual position, against <see cref="SystemAccounts.Funding"/>.</summary>
    Funding,
}
