using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// One read of the fleet: the fill journal and the exchange's statement (every account through its reconciler key, one set
/// of marks). The report and the reconciliation built from the same review agree on every figure, because they value
/// the same balances and positions at the same prices.
/// </summary>
/// <param name="Statement">What the exchange says, per account, and the marks.</param>
/// <param name="Fills">The journal's fills.</param>
/// <param name="Time">When it was read.</param>
public sealed record FleetReview(FleetStatement Statement, IReadOnlyList<JournalFill> Fills, DateTimeOffset Time)
{
    /// <summary>Reads the journal named by the manifest, then the exchange.</summary>
    /// <exception cref="ProcessSessionException">A reconciler key cannot be opened (configuration, held by another process, store).</exception>
    public static async Task<FleetReview> ReadAsync(HttpClient http, FleetManifest manifest, ProcessSessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<JournalFill> fills;
        using (var journal = FillJournal.Open(manifest.Fleet.Journal, manifest.BaseDirectory, options.Time))
        {
            fills = journal.Fills();
        }

        var statement = await new ExchangeReader(http).ReadAsync(manifest, options, fills.Select(f => f.Symbol), cancellationToken).ConfigureAwait(false);
        return new FleetReview(statement, fills, options.Time.GetUtcNow());
    }

    /// <summary>Reads the fleet once with a client of its own.</summary>
    public static async Task<FleetReview> ReadAsync(FleetManifest manifest, ProcessSessionOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        return await ReadAsync(http, manifest, options, cancellationToken).ConfigureAwait(false);
    }
}
