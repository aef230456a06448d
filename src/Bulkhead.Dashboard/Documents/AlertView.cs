namespace Bulkhead.Dashboard.Documents;

/// <summary>One alert as the page shows it.</summary>
/// <param name="Id">The alert's id (the same for its firing and its resolution).</param>
/// <param name="Status"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Alert">The rule's name.</param>
/// <param name="Severity"><c>info</c>, <c>warning</c> or <c>critical</c>.</param>
/// <param name="Summary">The rule's summary.</param>
/// <param name="Series">The metric and labels, as Prometheus writes them.</param>
/// <param name="Value">The value that breached (or resolved).</param>
/// <param name="Condition">The rule's condition and duration, e.g. <c>&lt; 0.1 for 60 s</c>.</param>
/// <param name="Since">Since when the condition held.</param>
/// <param name="Time">When it fired or resolved.</param>
public sealed record AlertView(string Id, string Status, string Alert, string Severity, string? Summary, string Series, decimal? Value, string Condition, DateTimeOffset Since, DateTimeOffset Time);
