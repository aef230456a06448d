namespace Bulkhead.Fleet.Operations;

/// <summary>One operator action in the journal: who asked for what, when, and how it went.</summary>
/// <param name="Id">Its id, <c>op-YYYYMMDD-HHMMSS-xxxxxx</c>.</param>
/// <param name="Action"><c>halt</c>, <c>resume</c>, <c>flatten</c>, <c>restart</c>, <c>kill</c> or <c>rearm</c>.</param>
/// <param name="Target">The strategy or process it acts on (<c>fleet</c> for the kill switch).</param>
/// <param name="Operator">Who asked (the name the operator gave).</param>
/// <param name="Source">Where from: <c>dashboard 127.0.0.1</c>, <c>cli ann@desk-01</c>.</param>
/// <param name="StartedAt">When it was asked for.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Progress">The latest step, while it runs (and the last one after).</param>
/// <param name="Result">How it ended (null while running).</param>
/// <param name="FinishedAt">When it ended.</param>
public sealed record OperatorAction(
    string Id,
    string Action,
    string Target,
    string Operator,
    string Source,
    DateTimeOffset StartedAt,
    OperatorActionState State,
    string? Progress,
    string? Result,
    DateTimeOffset? FinishedAt);
