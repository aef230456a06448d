namespace Bulkhead.Sandbox.Ledger;

/// <summary>
/// The one way entries are made: one operation's bookings, each stamped with the operation's time and the next
/// sequence, each carrying the balance it leaves (the committed balance plus this posting's earlier entries). Nothing is
/// visible in the <see cref="LedgerBook"/> until the change set holding the entries is written and applied; the book
/// checks at commit that every refid balances (<see cref="LedgerBook.EnsureBalanced"/>).
/// </summary>
internal sealed class LedgerPosting
{
    private readonly LedgerBook _book;
    private readonly List<LedgerEntry> _entries;
    private readonly Dictionary<(string Account, Wallet Wallet, string Asset), decimal> _running = [];
    private long _sequence;

    internal LedgerPosting(LedgerBook book, DateTimeOffset now, List<LedgerEntry> into)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(into);
        if (into.Count != 0)
        {
            throw new ArgumentException("One posting per change set: its running balances must see every entry.", nameof(into));
        }

        _book = book;
        _entries = into;
        _sequence = book.LastSequence;
        Now = now;
    }

    /// <summary>The operation's time.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>A balance including this posting's entries.</summary>
    public decimal Balance(string account, Wallet wallet, string asset) =>
        _running.TryGetValue((account, wallet, asset), out var pending) ? pending : _book.Balance(account, wallet, asset);

    /// <summary>Books one entry: the balance moves by <paramref name="amount"/> − <paramref name="fee"/> (Kraken's convention).</summary>
    public LedgerEntry Book(string refId, LedgerEntryType type, string account, Wallet wallet, string asset, decimal amount, decimal fee = 0m)
    {
        var balance = Balance(account, wallet, asset) + amount - fee;
        _running[(account, wallet, asset)] = balance;
        var entry = new LedgerEntry(SandboxIds.New('L'), refId, checked(++_sequence), Now, account, wallet, asset, amount, fee, balance, type);
        _entries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Books one movement of fee-less legs under a new refid and answers the refid. The legs must sum to zero per asset.
    /// </summary>
    /// <exception cref="InvalidOperationException">The legs do not balance.</exception>
    public string Move(LedgerEntryType type, params ReadOnlySpan<(string Account, Wallet Wallet, string Asset, decimal Amount)> legs)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var leg in legs)
        {
            sums[leg.Asset] = sums.GetValueOrDefault(leg.Asset) + leg.Amount;
        }

        if (sums.Values.Any(s => s != 0m))
        {
            throw new InvalidOperationException("A movement must balance per asset.");
        }

        var refId = SandboxIds.New('T');
        foreach (var (account, wallet, asset, amount) in legs)
        {
            Book(refId, type, account, wallet, asset, amount);
        }

        return refId;
    }
}
