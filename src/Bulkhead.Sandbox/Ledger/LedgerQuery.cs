namespace Bulkhead.Sandbox.Ledger;

/// <summary>A filter over one account's ledger (Kraken's <c>Ledgers</c> parameters).</summary>
/// <param name="Wallet">Only this wallet; null: all.</param>
/// <param name="Assets">Only these assets; null or empty: all.</param>
/// <param name="Type">Only this type; null: all.</param>
/// <param name="Start">Entries strictly after this time, if set.</param>
/// <param name="End">Entries up to and including this time, if set.</param>
/// <param name="Offset">Skip this many (newest first).</param>
/// <param name="Limit">At most this many.</param>
public sealed record LedgerQuery(
    Wallet? Wallet = null,
    IReadOnlyList<string>? Assets = null,
    LedgerEntryType? Type = null,
    DateTimeOffset? Start = null,
    DateTimeOffset? End = null,
    int Offset = 0,
    int Limit = 50);
