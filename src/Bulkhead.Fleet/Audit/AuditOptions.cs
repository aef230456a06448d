namespace Bulkhead.Fleet.Audit;

/// <summary>What <see cref="FleetAuditor"/> checks.</summary>
public sealed record AuditOptions
{
    /// <summary>Only keys of this environment, and its kind's rules (null: every environment; production rules apply to keys that exist in a production environment).</summary>
    public string? Environment { get; init; }

    /// <summary>Overrides the manifest's <c>expiry_warning_days</c>.</summary>
    public int? ExpiryWarningDays { get; init; }

    /// <summary>The call journal, when the audit should check usage (<c>--usage</c>).</summary>
    public IReadOnlyList<CallRecord>? Usage { get; init; }

    /// <summary>
    /// The name of the machine the audit runs on, which a process's loopback <c>hosts</c> entry (<c>localhost</c>,
    /// <c>127.0.0.1</c>, <c>::1</c>: a single-host fleet) stands for (null: <see cref="System.Environment.MachineName"/>).
    /// </summary>
    public string? LocalHost { get; init; }
}
