namespace Bulkhead.Sandbox.Ledger;

/// <summary>
/// One side of a movement of funds. Every movement (one <see cref="RefId"/>) writes at least two entries whose balance
/// changes (amount − fee) sum to zero per asset; deposits and withdrawals balance against the system account <see cref="SystemAccounts.External"/>,
/// fees against <see cref="SystemAccounts.Fees"/>.
/// </summary>
/// <param name="Id">Kraken-style id, <c>LXXXXX-XXXXX-XXXXXX</c>.</param>
/// <param name="RefId">The movement this entry belongs to (Kraken's <c>refid</c>); shared by its sides.</param>
/// <param name="Sequence">Global, strictly increasing order of entries.</param>
/// <param name="Time">When it was booked.</param>
/// <param name="Account">The account's name (or a system account).</param>
/// <param name="Wallet">The wallet.</param>
/// <param name="Asset">Kraken's Spot asset id (<c>ZUSD</c>, <c>XXBT</c>).</param>
/// <param name="Amount">Signed amount (credit positive).</param>
/// <param name="Fee">Fee charged with this entry (Kraken's convention: the balance moves by <c>Amount − Fee</c>); the fee itself is credited to <see cref="SystemAccounts.Fees"/> under the same refid.</param>
/// <param name="Balance">The account's balance of this asset in this wallet after the entry.</param>
/// <param name="Type">The kind of movement.</param>
public sealed record LedgerEntry(
    string Id,
    string RefId,
    long Sequence,
    DateTimeOffset Time,
    string Account,
    Wallet Wallet,
    string Asset,
    decimal Amount,
    decimal Fee,
    decimal Balance,
    LedgerEntryType Type);
