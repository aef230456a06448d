namespace Bulkhead.Fleet.Manifest;

/// <summary>What a process does; its role decides the minimum permissions of its key (see <c>Roles.RolePermissions</c>).</summary>
public enum FleetRole
{
    /// <summary>Runs a strategy: places, amends and cancels orders.</summary>
    Trader,

    /// <summary>Shows balances and open orders; changes nothing.</summary>
    Dashboard,

    /// <summary>Reconciles fills, closed orders and ledgers; changes nothing.</summary>
    Reconciler,

    /// <summary>Cancels everything and closes positions of a strategy (kill switch).</summary>
    Flattener,

    /// <summary>Replays a strategy's history (closed orders, trades, exports); changes nothing.</summary>
    Replayer,

    /// <summary>Moves funds between the master and subaccounts and withdraws; master only.</summary>
    Treasury,
}
