using System.Globalization;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Hourly funding of the perpetuals (<see cref="FundingBoard"/>): at each hour boundary every user position pays
/// (long, positive rate) or receives <c>size × mark × rate</c> in USD in its flex wallet against
/// <see cref="SystemAccounts.Funding"/>, every instrument in one commit, then a liquidation check. Each instrument's hour
/// is one movement with the refid <c>FUND-PF_XBTUSD-2026-03-02T10</c>; a refid already in the ledger is never booked
/// again, so a restart does not charge an hour twice. Driven by the exchange's one-second tick and every mark price
/// update. Not thread-safe: the exchange calls it under its lock.
/// </summary>
internal sealed class FundingDesk(LedgerBook ledger, MarginBook margin, Liquidator liquidator, TimeProvider time, Action<SandboxChangeSet> commit)
{
    private readonly FundingBoard _board = new();
    private readonly HashSet<string> _refIds = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastHour;

    /// <summary>The refid of one instrument's funding for the hour ending at <paramref name="boundary"/>.</summary>
    public static string RefId(string symbol, DateTimeOffset boundary) =>
        "FUND-" + symbol + "-" + boundary.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    /// <summary>The perpetual a funding refid belongs to, or null if <paramref name="refId"/> is not a funding refid.</summary>
    public static string? FundedSymbol(string refId) =>
        refId is null ? null : InstrumentCatalog.All.Select(i => i.Symbol).FirstOrDefault(s => refId.StartsWith("FUND-" + s + "-", StringComparison.Ordinal));

    /// <summary>Samples the premium of a mark price update (averaged over the hour).</summary>
    public void Sample(string symbol, decimal mark, decimal index) => _board.Sample(symbol, time.GetUtcNow(), mark, index);

    /// <summary>The published funding rates of a perpetual, oldest first.</summary>
    public IReadOnlyList<FundingRate> History(string symbol) => _board.History(symbol);

    /// <summary>The last published absolute rate (0 before the first) and the predicted one of the hour in progress (USD per contract).</summary>
    public (decimal Current, decimal Predicted) Rates(string symbol)
    {
        var mark = margin.Marks.Mark(symbol);
        var predicted = _board.Predicted(symbol, time.GetUtcNow(), mark, margin.Marks.Index(symbol));
        return (_board.Latest(symbol)?.Absolute ?? 0m, decimal.Round(predicted * mark, FundingBoard.AbsoluteDecimals, MidpointRounding.AwayFromZero));
    }

    /// <summary>Funding accrued on <paramref name="position"/> since the last settlement, at the predicted rate for the part of the hour elapsed.</summary>
    public decimal Unrealised(FuturesPosition position)
    {
        var now = time.GetUtcNow();
        var mark = margin.Marks.Mark(position.Symbol);
        var relative = _board.Predicted(position.Symbol, now, mark, margin.Marks.Index(position.Symbol));
        var elapsed = (decimal)(now - FundingBoard.HourOf(now)).Ticks / FundingBoard.Interval.Ticks;
        return decimal.Round(-position.Size * mark * relative * elapsed, 8, MidpointRounding.AwayFromZero);
    }

    /// <summary>The rate published with a funding movement, or null if it is not one (or was published before a restart).</summary>
    public FundingRate? RateOf(string refId) =>
        FundedSymbol(refId) is { } symbol ? _board.History(symbol).FirstOrDefault(r => RefId(r.Symbol, r.Time) == refId) : null;

    /// <summary>Publishes and books the latest hour boundary once (and once at start-up); safe to call any time.</summary>
    public void Settle()
    {
        var boundary = FundingBoard.HourOf(time.GetUtcNow());
        if (_lastHour == boundary)
        {
            return;
        }

        var changes = new SandboxChangeSet();
        var posting = ledger.Begin(time.GetUtcNow(), changes.Entries);
        foreach (var instrument in InstrumentCatalog.All)
        {
            var mark = margin.Marks.Mark(instrument.Symbol);
            var rate = _board.Publish(instrument.Symbol, boundary, mark, margin.Marks.Index(instrument.Symbol));
            var refId = RefId(instrument.Symbol, boundary);
            if (rate.Relative == 0m || _refIds.Contains(refId))
            {
                continue;
            }

            var legs = margin.OpenPositions().Where(p => p.Position.Symbol == instrument.Symbol && !p.Account.StartsWith('@'))
                .OrderBy(p => p.Account, StringComparer.Ordinal)
                .Select(p => (p.Account, Amount: decimal.Round(-p.Position.Size * mark * rate.Relative, FuturesSettlement.UsdDecimals, MidpointRounding.AwayFromZero)))
                .Where(l => l.Amount != 0m)
                .ToList();
            if (legs.Count == 0)
            {
                continue;
            }

            if (legs.Sum(l => l.Amount) is var net && net != 0m)
            {
                legs.Add((SystemAccounts.Funding, -net));
            }

            foreach (var (account, amount) in legs)
            {
                posting.Book(refId, LedgerEntryType.Funding, account, Wallet.FuturesFlex, FuturesSettlement.Usd, amount);
            }
        }

        commit(changes);
        _lastHour = boundary;
        if (!changes.IsEmpty)
        {
            liquidator.LiquidateDue();
        }
    }

    /// <summary>Remembers the funding refids committed (and loaded at start-up).</summary>
    public void Apply(IReadOnlyList<LedgerEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Type == LedgerEntryType.Funding)
            {
                _refIds.Add(entry.RefId);
            }
        }
    }
}
