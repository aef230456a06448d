namespace Bulkhead.Dashboard.Documents;

/// <summary>One audit finding.</summary>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Code">The finding's code.</param>
/// <param name="Subject">What it is about (a key, process, account).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">What to do.</param>
public sealed record FindingView(string Severity, string Code, string Subject, string Message, string Fix);
