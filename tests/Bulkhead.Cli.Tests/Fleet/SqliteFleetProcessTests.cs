using Xunit;

namespace Bulkhead.Cli.Tests.Fleet;

/// <summary>The lease suite with the SQLite backend (a file beside the manifest).</summary>
[Collection(nameof(FleetProcessTests))]
public sealed class SqliteFleetProcessTests : FleetProcessTests
{
    protected override string Coordination() => "sqlite:fleet.db";
}
