using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reporting;

/// <summary>One read of an account: its statement, the progress to keep for the next read, and the fills this read found.</summary>
/// <param name="Statement">The account's whole statement.</param>
/// <param name="Progress">Where the next read starts (its <see cref="StatementProgress.Fills"/> are the statement's).</param>
/// <param name="NewFills">The fills that were not in the progress read from.</param>
/// <param name="Restarted">True when the progress read from was dropped (its cursor was another transport's, or the exchange's history no longer continued it) and the whole history was read again.</param>
public sealed record AccountStatementRead(AccountStatement Statement, StatementProgress Progress, IReadOnlyList<VenueFill> NewFills, bool Restarted);
