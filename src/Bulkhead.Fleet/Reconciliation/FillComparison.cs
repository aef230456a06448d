using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reconciliation;

/// <summary>One account's journal fills against its exchange fills, by fill id, field by field with exact decimals.</summary>
internal static class FillComparison
{
    public static List<ReconciliationDifference> Compare(AccountStatement statement, IReadOnlyList<JournalFill> journal)
    {
        var account = statement.Account;
        var differences = new List<ReconciliationDifference>();
        var exchange = statement.Fills.ToDictionary(f => f.FillId, StringComparer.Ordinal);
        var journaled = journal.ToDictionary(f => f.FillId, StringComparer.Ordinal);
        foreach (var fill in statement.Fills.Where(f => !journaled.ContainsKey(f.FillId)))
        {
            differences.Add(new(account, DifferenceKind.Missing, fill.FillId, null, null, Describe(fill),
                $"{account}: the exchange has fill {fill.FillId} ({Describe(fill)}) that the journal lacks"));
        }

        foreach (var fill in journal.Where(f => !exchange.ContainsKey(f.FillId)))
        {
            differences.Add(new(account, DifferenceKind.Extra, fill.FillId, null, FleetReconciler.Describe(fill), null,
                $"{account}: the journal has fill {fill.FillId} ({FleetReconciler.Describe(fill)}) that the exchange does not list"));
        }

        foreach (var mine in journal.Where(f => exchange.ContainsKey(f.FillId)))
        {
            var theirs = exchange[mine.FillId];
            Field(differences, account, mine.FillId, "symbol", mine.Symbol, theirs.Symbol);
            Field(differences, account, mine.FillId, "side", mine.Side.ToString(), theirs.Side.ToString());
            Field(differences, account, mine.FillId, "quantity", mine.Quantity, theirs.Quantity);
            Field(differences, account, mine.FillId, "price", mine.Price, theirs.Price);
            Field(differences, account, mine.FillId, "fee", mine.Fee, FeeOf(theirs));
        }

        return differences;
    }

    private static void Field(List<ReconciliationDifference> differences, string account, string fillId, string field, decimal journal, decimal exchange)
    {
        if (journal != exchange)
        {
            Field(differences, account, fillId, field, FleetReconciler.Text(journal), FleetReconciler.Text(exchange));
        }
    }

    private static void Field(List<ReconciliationDifference> differences, string account, string fillId, string field, string journal, string exchange)
    {
        if (!string.Equals(journal, exchange, StringComparison.Ordinal))
        {
            differences.Add(new(account, DifferenceKind.Mismatch, fillId, field, journal, exchange,
                $"{account}: fill {fillId} {field} is {journal} in the journal and {exchange} on the exchange"));
        }
    }

    private static string Describe(VenueFill f) => $"{f.Side} {FleetReconciler.Text(f.Quantity)} {f.Symbol} @ {FleetReconciler.Text(f.Price)} fee {FleetReconciler.Text(FeeOf(f))}";

    /// <summary>The fee's amount (a fill read through <see cref="IFillVenue"/> always has one).</summary>
    private static decimal FeeOf(VenueFill f) => f.Fee?.Amount ?? 0m;
}
