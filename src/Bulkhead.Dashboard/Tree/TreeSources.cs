using Bulkhead.Dashboard.Documents;
using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Supervisor;

namespace Bulkhead.Dashboard.Tree;

/// <summary>What the tree is built from, read once per document.</summary>
/// <param name="Manifest">The fleet.</param>
/// <param name="Supervised">The supervisor's snapshot by process name.</param>
/// <param name="Now">The dashboard's clock (the supervisor's too: heartbeat ages).</param>
/// <param name="Leases">Each key's lease by key name (absent: not held, or the store could not be read).</param>
/// <param name="Headroom">Each account's shared rate headroom by account name.</param>
/// <param name="KeyRest">Each Spot key's own REST counter headroom by key name.</param>
/// <param name="Findings">The audit's findings.</param>
internal sealed record TreeSources(
    FleetManifest Manifest,
    IReadOnlyDictionary<string, ProcessStatus> Supervised,
    DateTimeOffset Now,
    IReadOnlyDictionary<string, LeaseView> Leases,
    IReadOnlyDictionary<string, RateHeadroomView> Headroom,
    IReadOnlyDictionary<string, decimal> KeyRest,
    IReadOnlyList<Finding> Findings);
