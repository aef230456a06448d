namespace Bulkhead.Fleet.Audit;

/// <summary>Every audit rule's code (docs/fleet.md, "Audit findings", lists them with their severity).</summary>
public static class FindingCodes
{
    /// <summary>A key used by more than one process.</summary>
    public const string KeyShared = "key-shared";

    /// <summary>A key holds permissions beyond the role of the process(es) using it.</summary>
    public const string ExcessPermissions = "excess-permissions";

    /// <summary>A key lacks a permission its role needs.</summary>
    public const string MissingPermissions = "missing-permissions";

    /// <summary>A process streams over WebSockets with a key that lacks "Access WebSockets API".</summary>
    public const string StreamingWithoutWebSocketPermission = "streaming-without-websocket-permission";

    /// <summary>
    /// A key holds "Access WebSockets API" but never streams: no process using it has <c>transport = "websocket"</c>, or the
    /// call journal records no socket session of it over the period.
    /// </summary>
    public const string WebSocketPermissionUnused = "websocket-permission-unused";

    /// <summary>Withdrawal permission on anything but the treasury's key on the master.</summary>
    public const string WithdrawalOutsideTreasury = "withdrawal-outside-treasury";

    /// <summary>A key in a production environment has no IP allowlist.</summary>
    public const string NoIpAllowlist = "no-ip-allowlist";

    /// <summary>A key's IP allowlist does not cover an egress address of a host one of its processes may run on.</summary>
    public const string AllowlistMissesHost = "allowlist-misses-host";

    /// <summary>The fleet declares several hosts but a process may run on only one (nothing takes it over).</summary>
    public const string SingleHostProcess = "single-host-process";

    /// <summary>A key has expired.</summary>
    public const string KeyExpired = "key-expired";

    /// <summary>A key expires within the warning period.</summary>
    public const string KeyExpiring = "key-expiring";

    /// <summary>A key is older than the rotation period.</summary>
    public const string KeyRotationDue = "key-rotation-due";

    /// <summary>A key has no creation date, so its age is unknown.</summary>
    public const string KeyAgeUnknown = "key-age-unknown";

    /// <summary>A strategy trades from the master account.</summary>
    public const string StrategyOnMaster = "strategy-on-master";

    /// <summary>A strategy shares a subaccount although the mandate requires separate capital or risk.</summary>
    public const string SharedSubaccount = "shared-subaccount";

    /// <summary>A process declares no key.</summary>
    public const string ProcessWithoutKey = "process-without-key";

    /// <summary>A trader serves no strategy.</summary>
    public const string TraderWithoutStrategy = "trader-without-strategy";

    /// <summary>A treasury process runs on a subaccount.</summary>
    public const string TreasuryNotOnMaster = "treasury-not-on-master";

    /// <summary>A key no process uses.</summary>
    public const string UnusedKey = "unused-key";

    /// <summary>Journal: a key holds permissions it never used over the period.</summary>
    public const string UnusedPermission = "unused-permission";

    /// <summary>Journal: a key never called anything over the period.</summary>
    public const string KeyIdle = "key-idle";

    /// <summary>Journal: a key was used from a host its processes are not expected on.</summary>
    public const string UnexpectedHost = "unexpected-host";

    /// <summary>Journal: a key was used by a process that is not declared to use it.</summary>
    public const string UnexpectedProcess = "unexpected-process";

    /// <summary>Journal: a key name the manifest does not declare.</summary>
    public const string UnknownKeyInJournal = "unknown-key-in-journal";

    /// <summary>Journal: a line that could not be read.</summary>
    public const string JournalUnreadable = "journal-unreadable";
}
