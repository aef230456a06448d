using Bulkhead.Dashboard.Documents;
using Bulkhead.Dashboard.Tree;
using Bulkhead.Fleet.Audit;

namespace Bulkhead.Dashboard.View;

/// <summary>Composes the Contract D document from the dashboard's sources; computes nothing of its own.</summary>
internal sealed class FleetView(DashboardOptions options)
{
    private const string NotRead = "not read yet";

    public FleetDocument Compose()
    {
        var now = options.Time.GetUtcNow();
        var supervised = options.Supervisor.Snapshot().ToDictionary(s => s.Process, StringComparer.Ordinal);
        var tree = FleetTree.Build(new TreeSources(options.Manifest, supervised, now, new Dictionary<string, LeaseView>(), new Dictionary<string, RateHeadroomView>(), Array.Empty<Finding>()));
        return new FleetDocument(
            options.Manifest.Fleet.Name,
            options.Supervisor.Environment,
            now,
            new ExchangeState(false, NotRead, null),
            new TreeDocument(tree, null),
            new BalancesPart([], new ConsolidatedBalances(null, []), NotRead),
            new PnlPart([], new PnlFigures(0m, 0m, 0m, 0m), null, NotRead),
            new EquityPart([], NotRead),
            new FeesPart(null, null, null, null, [], "built-in", null, NotRead),
            new MarginPart([], NotRead),
            new AuditPart([], null, NotRead),
            new TreasuryPart([], NotRead));
    }
}
