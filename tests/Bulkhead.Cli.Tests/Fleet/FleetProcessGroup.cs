using Xunit;

namespace Bulkhead.Cli.Tests.Fleet;

/// <summary>The real-process fleet tests run one at a time: they measure latency and throughput, which contention skews.</summary>
[CollectionDefinition(nameof(FleetProcessTests), DisableParallelization = true)]
public sealed class FleetProcessGroup;
