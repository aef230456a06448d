namespace Bulkhead.Dashboard.Documents;

/// <summary><c>GET /api/audit</c>: the FleetAuditor's findings over the manifest and the call journal.</summary>
/// <param name="Findings">Errors first, then warnings, then information.</param>
/// <param name="Time">When the audit ran.</param>
/// <param name="Error">Why it could not run.</param>
public sealed record AuditPart(IReadOnlyList<FindingView> Findings, DateTimeOffset? Time, string? Error);
