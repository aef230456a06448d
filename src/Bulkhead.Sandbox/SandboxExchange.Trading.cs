using Bulkhead.Kraken.Limits;
using Bulkhead.Sandbox.Fees;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox;

/// <summary>
/// The order operations of the trading core (<see cref="TradingCore"/>): place, amend, edit (cancel and replace), cancel,
/// the dead man's switch; holds, trading counters and fee tiers. Each commits one change set (or none when refused).
/// </summary>
public sealed partial class SandboxExchange
{
    /// <summary>The largest volume and the largest price an order may carry (their product still fits a decimal with fees).</summary>
    public const decimal MaxOrderAmount = TradingCore.MaxOrderAmount;

    /// <summary>The fee window.</summary>
    public static readonly TimeSpan FeeWindow = FeeVolumes.Window;

    /// <summary>The Spot trading limits every account gets (the tier's).</summary>
    /// <value>Intermediate.</value>
    public SpotTradingLimits TradingLimits
    {
        get
        {
            lock (_gate)
            {
                return _trading.Counters.Limits;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _trading.Counters.Limits = value;
            }
        }
    }

    /// <summary>The fee table of a venue.</summary>
    public static FeeSchedule FeeScheduleOf(TradingVenue venue) => FeeVolumes.ScheduleOf(venue);

    /// <summary>Places an order on its venue's book (Spot endpoints, the Futures module and the liquidity provider call this).</summary>
    public SandboxResult<SandboxOrderOutcome> PlaceOrder(SandboxOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            return _trading.Place(request);
        }
    }

    /// <summary>
    /// Amends an open order in place (Kraken AmendOrder: the txid stays): a new total volume and/or limit price. It keeps
    /// its time priority when the price is unchanged and the volume does not grow; if the new price crosses, it takes.
    /// </summary>
    public SandboxResult<SandboxOrderOutcome> AmendOrder(string account, string orderId, decimal? newVolume, decimal? newPrice)
    {
        lock (_gate)
        {
            return _trading.Amend(account, orderId, newVolume, newPrice);
        }
    }

    /// <summary>
    /// Replaces an open order (Kraken EditOrder): the original is cancelled and a new order (new txid) is placed with the
    /// given changes, in one transaction. The new volume is the total wanted; what the original already filled is
    /// subtracted. A refused replacement leaves the original untouched.
    /// </summary>
    public SandboxResult<SandboxOrderOutcome> EditOrder(string account, string orderId, decimal? newVolume, decimal? newPrice, long? newUserRef = null)
    {
        lock (_gate)
        {
            return _trading.Edit(account, orderId, newVolume, newPrice, newUserRef);
        }
    }

    /// <summary>Cancels one open order of an account by txid; <see cref="SandboxRejection.UnknownOrder"/> if it has none open with that id.</summary>
    public SandboxResult<SandboxOrder> CancelOrder(string account, string orderId)
    {
        var result = CancelOrders(account, o => o.Id == orderId);
        if (!result.Success)
        {
            return SandboxResult<SandboxOrder>.Fail(result.Rejection.Value, result.Detail);
        }

        return result.Value.Count == 0
            ? SandboxResult<SandboxOrder>.Fail(SandboxRejection.UnknownOrder, $"'{account}' has no open order '{orderId}'")
            : SandboxResult<SandboxOrder>.Ok(result.Value[0]);
    }

    /// <summary>Cancels every open order of an account that <paramref name="which"/> selects (possibly none); returns them as cancelled.</summary>
    public SandboxResult<IReadOnlyList<SandboxOrder>> CancelOrders(string account, Func<SandboxOrder, bool> which)
    {
        ArgumentNullException.ThrowIfNull(which);
        lock (_gate)
        {
            return SandboxResult<IReadOnlyList<SandboxOrder>>.Ok(_trading.CancelWhere(account, which));
        }
    }

    /// <summary>Cancels every open order of an account on one venue (Spot <c>CancelAll</c>, Futures <c>cancelallorders</c>).</summary>
    public SandboxResult<IReadOnlyList<SandboxOrder>> CancelAll(string account, TradingVenue venue) =>
        CancelOrders(account, o => o.Venue == venue);

    /// <summary>
    /// Arms, re-arms or (timeout zero) disarms an account's dead man's switch on one venue: when
    /// <paramref name="timeout"/> passes without another call, every open order of the account on that venue is cancelled.
    /// </summary>
    public SandboxResult<SandboxDeadMansSwitch> SetDeadMansSwitch(string account, TradingVenue venue, TimeSpan timeout)
    {
        lock (_gate)
        {
            return _trading.SetDeadMansSwitch(account, venue, timeout);
        }
    }

    /// <summary>The armed switch's trigger time, or null.</summary>
    public DateTimeOffset? DeadMansSwitch(string account, TradingVenue venue)
    {
        lock (_gate)
        {
            return _trading.DeadMansSwitch(account, venue);
        }
    }

    /// <summary>Fires what is due now: expired GTD orders and triggered switches. Called by the tick; safe to call any time.</summary>
    public void ProcessDeadlines()
    {
        lock (_gate)
        {
            _trading.RunDeadlines();
        }
    }

    /// <summary>The amount of <paramref name="asset"/> held by an account's open orders in a wallet.</summary>
    public decimal Holds(string account, Wallet wallet, string asset)
    {
        lock (_gate)
        {
            return _trading.HoldOf(account, wallet, asset);
        }
    }

    /// <summary>An account's holds in one wallet, by asset (non-zero only).</summary>
    public IReadOnlyDictionary<string, decimal> HoldsByAsset(string account, Wallet wallet)
    {
        lock (_gate)
        {
            return _trading.HoldsByAsset(account, wallet);
        }
    }

    /// <summary>The current level of an account's trading counter on a pair.</summary>
    public decimal TradingCounter(string account, string symbol)
    {
        lock (_gate)
        {
            return _trading.Counters.Level(account, TradingCore.CanonicalSymbol(TradingVenue.Spot, symbol) ?? symbol);
        }
    }

    /// <summary>The 30-day USD volume of the account's master and all its subaccounts on one venue (0 for system accounts).</summary>
    public decimal ConsolidatedVolumeUsd(string account, TradingVenue venue)
    {
        lock (_gate)
        {
            return _fees.Consolidated(account, venue);
        }
    }

    /// <summary>The fee percentage the account pays now as maker or taker on a venue.</summary>
    public decimal FeePercent(string account, TradingVenue venue, bool maker)
    {
        lock (_gate)
        {
            return _fees.Percent(account, venue, maker);
        }
    }
}
