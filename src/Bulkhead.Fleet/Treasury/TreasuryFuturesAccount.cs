using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Treasury;

/// <summary>The master's derivatives account as the treasury uses it: its transfers and its ledger (one key, process <c>treasury-futures</c>).</summary>
/// <param name="Transfers">Moves money between its wallets, to subaccounts and to Spot.</param>
/// <param name="Ledger">Finds a transfer again after an unclear answer.</param>
public sealed record TreasuryFuturesAccount(ITransferVenue Transfers, ILedgerVenue Ledger);
