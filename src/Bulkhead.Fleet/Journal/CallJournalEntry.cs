namespace Bulkhead.Fleet.Journal;

/// <summary>
/// One line of a call journal file: one attempt of a signed call by one process. It names the key by its manifest name
/// only; no journal line ever holds an API key or a secret. Format: docs/fleet-secrets.md.
/// </summary>
/// <param name="Time">When the attempt started.</param>
/// <param name="Venue"><c>spot</c> or <c>futures</c>.</param>
/// <param name="Endpoint">The method or path: <c>Balance</c>, <c>AddOrder</c>, <c>openpositions</c>.</param>
/// <param name="Key">The key's manifest name (null: the process did not name its key).</param>
/// <param name="Process">The process's manifest name.</param>
/// <param name="Host">The machine's host name.</param>
/// <param name="Pid">The operating-system process id.</param>
/// <param name="Succeeded">True for <c>"outcome":"ok"</c>.</param>
/// <param name="Code">The error code when it failed: the exchange's string verbatim, or a <c>Bulkhead:</c> code.</param>
/// <param name="Origin">When it failed: <c>exchange</c>, <c>local</c> (refused before sending) or <c>transport</c>.</param>
/// <param name="DurationMs">How long the attempt took, in milliseconds.</param>
public sealed record CallJournalEntry(
    DateTimeOffset Time,
    string Venue,
    string Endpoint,
    string? Key,
    string Process,
    string Host,
    int Pid,
    bool Succeeded,
    string? Code,
    string? Origin,
    double DurationMs);
