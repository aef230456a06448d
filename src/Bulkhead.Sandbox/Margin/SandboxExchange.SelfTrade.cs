using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>
/// Futures self-trade prevention across an account family (a master and its subaccounts, futures.md §5.6, §6.14): on the
/// Futures venue the book compares families, not accounts, and a new order takes the family's strategy. Spot stays per
/// account (<c>stptype</c>). Strategies live in memory: a restart resets every family to <c>REJECT_TAKER</c> (resting
/// orders keep the mode they were placed with, which is persisted with them).
/// </summary>
public sealed partial class SandboxExchange
{
    private readonly Dictionary<string, FuturesSelfTradeStrategy> _selfTradeStrategies = new(StringComparer.Ordinal);

    /// <summary>The self-trade strategy of <paramref name="account"/>'s family (its master's); the default <c>REJECT_TAKER</c>.</summary>
    public FuturesSelfTradeStrategy SelfTradeStrategy(string account)
    {
        lock (_gate)
        {
            return _selfTradeStrategies.GetValueOrDefault(FamilyOf(account));
        }
    }

    /// <summary>Sets the self-trade strategy of <paramref name="account"/>'s family (its master's), for orders placed from now on.</summary>
    public SandboxResult<FuturesSelfTradeStrategy> SetSelfTradeStrategy(string account, FuturesSelfTradeStrategy strategy)
    {
        lock (_gate)
        {
            if (_accounts.Find(account) is null)
            {
                return SandboxResult<FuturesSelfTradeStrategy>.Fail(SandboxRejection.UnknownAccount, $"account '{account}' does not exist");
            }

            _selfTradeStrategies[FamilyOf(account)] = strategy;
            return SandboxResult<FuturesSelfTradeStrategy>.Ok(strategy);
        }
    }

    /// <summary>The book's mode of a new Futures order of <paramref name="account"/>. Caller holds the lock.</summary>
    private SelfTradePrevention FuturesSelfTradeLocked(string account) => _selfTradeStrategies.GetValueOrDefault(FamilyOf(account)) switch
    {
        FuturesSelfTradeStrategy.CancelMakerSelf => SelfTradePrevention.CancelMakerSelf,
        FuturesSelfTradeStrategy.CancelMakerChild => SelfTradePrevention.CancelMakerChild,
        FuturesSelfTradeStrategy.CancelMakerAny => SelfTradePrevention.CancelOldest,
        _ => SelfTradePrevention.CancelNewest,
    };

    /// <summary>Who self-trade prevention compares on a book: the account on Spot, its family (master) on Futures; and the account itself.</summary>
    private (long Owner, long Account) SelfTradeGroup(TradingVenue venue, string account)
    {
        var own = OwnerOf(account);
        return venue == TradingVenue.Futures ? (OwnerOf(FamilyOf(account)), own) : (own, own);
    }

    private string FamilyOf(string account) =>
        _accounts.FamilyOf(account);
}
