namespace Bulkhead.Kraken.Sockets.Account;

/// <summary>
/// A <c>balances</c> item: in a snapshot, an asset's balance and its wallets; in an update, the ledger entry that moved
/// it (<see cref="Entry"/>) with the balance after it.
/// </summary>
/// <param name="Asset">The asset's v2 name (<c>USD</c>, <c>BTC</c>).</param>
/// <param name="Balance">The balance (after the entry, for an update).</param>
public sealed record BalanceUpdate(string Asset, decimal Balance)
{
    /// <summary>The asset's wallets (snapshot items).</summary>
    public IReadOnlyList<WalletBalance> Wallets { get; init; } = [];

    /// <summary>The ledger entry (update items), or null.</summary>
    public LedgerUpdate? Entry { get; init; }
}

/// <summary>One wallet of a <c>balances</c> snapshot item.</summary>
/// <param name="Type">The wallet's type (<c>spot</c>, <c>earn</c>, <c>derivatives</c>).</param>
/// <param name="Id">The wallet's id (<c>main</c>, <c>flex</c>, <c>cash</c>).</param>
/// <param name="Balance">The balance in it.</param>
public sealed record WalletBalance(string Type, string Id, decimal Balance);
