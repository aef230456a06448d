using Xunit;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>
/// The dashboard's end-to-end classes each run a fleet of real processes; they run one after another so two busy cores
/// are not shared by two fleets.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DashboardProcesses
{
    public const string Name = "Dashboard processes";
}
