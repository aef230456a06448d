using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Audit;

/// <summary>One audit finding: how bad, which rule (<see cref="FindingCodes"/>), about what, where, what is wrong and how to fix it.</summary>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Code">The rule, e.g. <c>key-shared</c>.</param>
/// <param name="Subject">What it is about, e.g. <c>key mm-trader</c>.</param>
/// <param name="Location">Where in the manifest (or the journal).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record Finding(FindingSeverity Severity, string Code, string Subject, SourceLocation Location, string Message, string Fix)
{
    /// <summary><c>fleet.toml:12:3: warning: [code] … — fix: …</c></summary>
    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()}: [{Code}] {Subject}: {Message} — fix: {Fix}";
}
