using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Futures self-trade prevention across an account family (a master and its subaccounts, futures.md §5.6, §6.14): one
/// strategy per family, kept under the master; a new Futures order takes its family's. Spot stays per account
/// (<c>stptype</c>). In memory: a restart resets every family to <c>REJECT_TAKER</c> (resting orders keep the mode they
/// were placed with, which is persisted with them). Not thread-safe: the exchange calls it under its lock.
/// </summary>
internal sealed class SelfTradeStrategies(AccountDirectory accounts)
{
    private readonly Dictionary<string, FuturesSelfTradeStrategy> _strategies = new(StringComparer.Ordinal);

    /// <summary>The strategy of <paramref name="account"/>'s family; the default <c>REJECT_TAKER</c>.</summary>
    public FuturesSelfTradeStrategy Of(string account) => _strategies.GetValueOrDefault(accounts.FamilyOf(account));

    /// <summary>Sets the strategy of <paramref name="account"/>'s family, for orders placed from now on (the caller checks the account).</summary>
    public void Set(string account, FuturesSelfTradeStrategy strategy) => _strategies[accounts.FamilyOf(account)] = strategy;

    /// <summary>The book's mode of a new Futures order of <paramref name="account"/>.</summary>
    public SelfTradePrevention ModeOf(string account) => Of(account) switch
    {
        FuturesSelfTradeStrategy.CancelMakerSelf => SelfTradePrevention.CancelMakerSelf,
        FuturesSelfTradeStrategy.CancelMakerChild => SelfTradePrevention.CancelMakerChild,
        FuturesSelfTradeStrategy.CancelMakerAny => SelfTradePrevention.CancelOldest,
        _ => SelfTradePrevention.CancelNewest,
    };
}
