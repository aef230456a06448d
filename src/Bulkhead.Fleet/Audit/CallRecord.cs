namespace Bulkhead.Fleet.Audit;

/// <summary>
/// One line of the call journal (JSON lines, <c>*.jsonl</c> in the journal folder), written by Bulkhead's clients for every
/// private call. Never holds a secret, a signature, a nonce or a request body.
/// JSON: <c>{"time":"2026-11-26T16:00:00.123Z","venue":"spot","endpoint":"POST /0/private/AddOrder","key":"mm-trader","process":"mm-trader","host":"10.0.0.5","outcome":"ok"}</c>.
/// </summary>
/// <param name="Time">When the call was made (UTC, ISO 8601).</param>
/// <param name="Venue"><c>spot</c> or <c>futures</c>.</param>
/// <param name="Endpoint">HTTP method and path: <c>POST /0/private/AddOrder</c>, <c>POST /derivatives/api/v3/sendorder</c>.</param>
/// <param name="Key">The manifest's key name (never the API key itself); null for an unnamed key (such lines are skipped).</param>
/// <param name="Process">The manifest's process name.</param>
/// <param name="Host">The host name or address the call was made from.</param>
/// <param name="Outcome"><c>ok</c>, or the error code (e.g. <c>EGeneral:Permission denied</c>, <c>http:503</c>).</param>
public sealed record CallRecord(DateTimeOffset Time, string Venue, string Endpoint, string? Key, string Process, string Host, string Outcome);
