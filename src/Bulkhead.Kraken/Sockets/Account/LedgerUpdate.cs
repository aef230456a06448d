namespace Bulkhead.Kraken.Sockets.Account;

/// <summary>
/// One ledger entry: a <c>balances</c> update item (Spot and Unified) or a <c>ledgers</c> item (Unified). Fills on
/// derivatives add the symbol, the trade price and the realised P&amp;L; funding adds the realised funding.
/// </summary>
public sealed record LedgerUpdate(string LedgerId, string RefId, DateTimeOffset? Time, string Type, string Asset, decimal Amount, decimal Fee, decimal Balance)
{
    /// <summary>The wallet's type (<c>spot</c>, <c>derivatives</c>), or null.</summary>
    public string? WalletType { get; init; }

    /// <summary>The wallet's id (<c>main</c>, <c>flex</c>, <c>cash</c>), or null.</summary>
    public string? WalletId { get; init; }

    /// <summary>The contract of a derivatives fill or funding payment, or null.</summary>
    public string? Symbol { get; init; }

    /// <summary>The price of a derivatives fill, or null.</summary>
    public decimal? TradePrice { get; init; }

    /// <summary>The realised P&amp;L of a derivatives fill, or null.</summary>
    public decimal? RealizedPnl { get; init; }

    /// <summary>The realised funding of a funding payment, or null.</summary>
    public decimal? RealizedFunding { get; init; }
}
