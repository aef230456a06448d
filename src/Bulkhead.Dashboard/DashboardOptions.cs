using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Operations;
using Bulkhead.Runtime.Supervisor;

namespace Bulkhead.Dashboard;

/// <summary>What <see cref="DashboardHost"/> serves and where. Validated by <see cref="DashboardHost.StartAsync"/>.</summary>
public sealed class DashboardOptions
{
    /// <summary>The environment variable holding the access token when <see cref="Token"/> is not given.</summary>
    public const string TokenVariable = "BULKHEAD_DASHBOARD_TOKEN";

    /// <summary>The fleet's manifest (the tree, the journal and store locations, the audit).</summary>
    public required FleetManifest Manifest { get; init; }

    /// <summary>The in-process supervisor whose snapshot is the processes' state.</summary>
    public required FleetSupervisor Supervisor { get; init; }

    /// <summary>The clock (heartbeat ages, document times, the SSE interval).</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>The address to listen on: an IP address or <c>localhost</c>.</summary>
    /// <value><c>127.0.0.1</c>.</value>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>The TCP port (0: any free one; read the chosen one from <see cref="DashboardHost.Url"/>).</summary>
    /// <value>0.</value>
    public int Port { get; init; }

    /// <summary>
    /// The access token: when set, every request needs <c>Authorization: Bearer TOKEN</c>, or the cookie a first
    /// <c>?token=TOKEN</c> sets. Required when <see cref="Bind"/> is not a loopback address.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>The environment variable holding the operator token when <see cref="OperatorToken"/> is not given.</summary>
    public const string OperatorTokenVariable = "BULKHEAD_OPERATOR_TOKEN";

    /// <summary>
    /// The operator token: a request carrying it (bearer, or the cookie a first <c>?token=</c> sets) may act — halt, resume,
    /// flatten, restart, the kill switch. Any other request can only look. Null: nobody can act from the dashboard.
    /// </summary>
    public string? OperatorToken { get; init; }

    /// <summary>Carries out operators' actions (null: the dashboard shows no actions).</summary>
    public FleetOperator? Operator { get; init; }

    /// <summary>Reads environment variables (alert webhook URLs given as <c>env:VAR</c>, the secrets file's key).</summary>
    public Func<string, string?> GetVariable { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Receives the alerts' log lines (fired, resolved, retries, dead letters); null: dropped.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The call journal folder the audit reads usage from (null: the audit checks the manifest only).</summary>
    public string? CallJournalFolder { get; init; }

    /// <summary>How often <c>/api/events</c> pushes the document (also at once on a supervisor change).</summary>
    /// <value>1 s.</value>
    public TimeSpan EventInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the public marks (and so the exchange's reachability) are reused before they are read again.</summary>
    /// <value>5 s.</value>
    public TimeSpan MarksInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one read of the exchange may take before it counts as unreachable.</summary>
    /// <value>3 s.</value>
    public TimeSpan ExchangeTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an audit is reused.</summary>
    /// <value>30 s.</value>
    public TimeSpan AuditInterval { get; init; } = TimeSpan.FromSeconds(30);
}
