namespace Bulkhead.Runtime.Operations;

/// <summary>What an operator asks for, from the dashboard or the command line.</summary>
/// <param name="Action"><c>halt</c>, <c>resume</c>, <c>flatten</c> (a strategy), <c>restart</c> (a process), <c>kill</c> or <c>rearm</c> (the fleet).</param>
/// <param name="Target">The strategy or process; ignored (<c>fleet</c>) for the kill switch.</param>
/// <param name="Operator">Who asks: the name the operator gave.</param>
/// <param name="Source">Where from, e.g. <c>dashboard 127.0.0.1</c> or <c>cli ann@desk-01 via 127.0.0.1</c>.</param>
public sealed record OperatorRequest(string Action, string? Target, string Operator, string Source);
