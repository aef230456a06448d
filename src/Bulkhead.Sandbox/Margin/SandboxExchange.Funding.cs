using System.Globalization;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Storage;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>
/// Hourly funding of the perpetuals (<see cref="FundingBoard"/>): at each hour boundary every user position pays
/// (long, positive rate) or receives <c>size × mark × rate</c> in USD in its flex wallet against
/// <see cref="SystemAccounts.Funding"/>, every instrument in one commit. Each instrument's hour is one movement with the
/// refid <c>FUND-PF_XBTUSD-2026-03-02T10</c>; a refid already in the ledger is never booked again, so a restart does not
/// charge an hour twice. Driven by the one-second deadline tick and by every mark price update.
/// </summary>
public sealed partial class SandboxExchange
{
    private readonly FundingBoard _funding = new();
    private readonly HashSet<string> _fundingRefIds = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastFundingHour;

    /// <summary>The refid of one instrument's funding for the hour ending at <paramref name="boundary"/>.</summary>
    public static string FundingRefId(string symbol, DateTimeOffset boundary) =>
        "FUND-" + symbol + "-" + boundary.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    /// <summary>The perpetual a funding refid belongs to, or null if <paramref name="refId"/> is not a funding refid.</summary>
    public static string? FundedSymbol(string refId) =>
        refId is null ? null : InstrumentCatalog.All.Select(i => i.Symbol).FirstOrDefault(s => refId.StartsWith("FUND-" + s + "-", StringComparison.Ordinal));

    /// <summary>Settles the funding of the latest hour boundary if not done yet; safe to call any time.</summary>
    public void SettleFunding()
    {
        lock (_gate)
        {
            SettleFundingLocked();
        }
    }

    /// <summary>The published funding rates of a perpetual, oldest first.</summary>
    public IReadOnlyList<FundingRate> FundingHistory(string symbol)
    {
        lock (_gate)
        {
            SettleFundingLocked();
            return _funding.History(symbol);
        }
    }

    /// <summary>The current absolute funding rate (the last published, 0 before the first) and the predicted one of the hour in progress (USD per contract).</summary>
    public (decimal Current, decimal Predicted) FundingRates(string symbol)
    {
        lock (_gate)
        {
            var mark = _markPrices.Mark(symbol);
            var predicted = _funding.Predicted(symbol, _time.GetUtcNow(), mark, _markPrices.Index(symbol));
            return (_funding.Latest(symbol)?.Absolute ?? 0m, decimal.Round(predicted * mark, FundingBoard.AbsoluteDecimals, MidpointRounding.AwayFromZero));
        }
    }

    /// <summary>
    /// Funding accrued on <paramref name="position"/> since the last settlement (Kraken's <c>unrealizedFunding</c>): what it
    /// would pay (negative) or receive at the predicted rate for the part of the hour elapsed. Shown only; margin ignores it.
    /// </summary>
    public decimal UnrealisedFunding(FuturesPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var mark = _markPrices.Mark(position.Symbol);
            var relative = _funding.Predicted(position.Symbol, now, mark, _markPrices.Index(position.Symbol));
            var elapsed = (decimal)(now - FundingBoard.HourOf(now)).Ticks / FundingBoard.Interval.Ticks;
            return decimal.Round(-position.Size * mark * relative * elapsed, 8, MidpointRounding.AwayFromZero);
        }
    }

    /// <summary>The rate published with a funding movement, or null if it is not one (or was published before a restart).</summary>
    public FundingRate? FundingOf(string refId)
    {
        ArgumentNullException.ThrowIfNull(refId);
        lock (_gate)
        {
            return FundedSymbol(refId) is { } symbol ? _funding.History(symbol).FirstOrDefault(r => FundingRefId(r.Symbol, r.Time) == refId) : null;
        }
    }

    /// <summary>Caller holds the lock. Publishes and books the latest boundary once per hour (and once at start-up).</summary>
    private void SettleFundingLocked()
    {
        var boundary = FundingBoard.HourOf(_time.GetUtcNow());
        if (_lastFundingHour == boundary)
        {
            return;
        }

        var changes = new SandboxChangeSet();
        var posting = _ledger.Begin(_time.GetUtcNow(), changes.Entries);
        foreach (var instrument in InstrumentCatalog.All)
        {
            var mark = _markPrices.Mark(instrument.Symbol);
            var rate = _funding.Publish(instrument.Symbol, boundary, mark, _markPrices.Index(instrument.Symbol));
            var refId = FundingRefId(instrument.Symbol, boundary);
            if (rate.Relative == 0m || _fundingRefIds.Contains(refId))
            {
                continue;
            }

            var legs = _positions.Where(p => p.Key.Symbol == instrument.Symbol && !p.Value.IsFlat && !p.Key.Account.StartsWith('@'))
                .OrderBy(p => p.Key.Account, StringComparer.Ordinal)
                .Select(p => (Account: p.Key.Account, Amount: decimal.Round(-p.Value.Size * mark * rate.Relative, FuturesSettlement.UsdDecimals, MidpointRounding.AwayFromZero)))
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

        Commit(changes);
        _lastFundingHour = boundary;
        if (!changes.IsEmpty)
        {
            LiquidateDueLocked();
        }
    }

    /// <summary>Remembers the funding refids committed (and loaded at start-up).</summary>
    private void ApplyFunding(SandboxChangeSet changes)
    {
        foreach (var entry in changes.Entries)
        {
            if (entry.Type == LedgerEntryType.Funding)
            {
                _fundingRefIds.Add(entry.RefId);
            }
        }
    }
}
