using Xunit;

namespace Bulkhead.EndToEnd.Tests.Fleet;

/// <summary>
/// The fleet tests each run a sandbox and four or more worker processes; they run one after another (still in parallel
/// with the other test classes) so two busy cores are not shared by sixteen traders.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FleetProcesses
{
    public const string Name = "Fleet processes";
}
