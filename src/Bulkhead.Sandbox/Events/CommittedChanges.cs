using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Events;

/// <summary>
/// The domain events of one committed change set: every order version, trade and ledger entry it wrote, produced once
/// by <see cref="SandboxExchange"/> right after the store committed them and before the exchange's lock is released, so
/// every listener sees commits in commit order. The REST read models and the WebSocket streams read the same facts.
/// </summary>
/// <param name="Orders">New order versions, in the order they were written.</param>
/// <param name="Trades">Trades appended (both sides of each fill).</param>
/// <param name="Entries">Ledger entries appended.</param>
/// <param name="Time">When the commit happened (the exchange's clock).</param>
public sealed record CommittedChanges(
    IReadOnlyList<OrderChange> Orders,
    IReadOnlyList<SandboxTrade> Trades,
    IReadOnlyList<LedgerEntry> Entries,
    DateTimeOffset Time);
