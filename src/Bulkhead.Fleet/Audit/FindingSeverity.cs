namespace Bulkhead.Fleet.Audit;

/// <summary>How bad a finding is. Errors and warnings make <c>bulkhead audit</c> exit 1; infos do not.</summary>
public enum FindingSeverity
{
    /// <summary>Breaks least privilege or separation; fix before running.</summary>
    Error,

    /// <summary>Will become a problem (expiry, rotation, unused privilege).</summary>
    Warning,

    /// <summary>Worth knowing; never fails the audit.</summary>
    Info,
}
