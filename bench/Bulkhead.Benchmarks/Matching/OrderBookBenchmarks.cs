using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Bulkhead.Benchmarks.Matching;

/// <summary>
/// The matching engine alone, one thread: the <see cref="OrderFlow"/> add/cancel/take mix on a book of
/// <see cref="Depth"/> resting orders. Goal (issue #6): at depth 10k at least 2 million operations per second
/// (Mean ≤ 500 ns per operation; the Ops/s column) and no allocation. Per-operation p99 is measured by
/// <see cref="MatchingLatency"/> (<c>dotnet run -c Release -- matching-latency</c>), since BenchmarkDotNet's
/// percentiles are over invocations of <see cref="Operations"/> operations.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OpsConfig))]
public class OrderBookBenchmarks
{
    /// <summary>Operations per invocation.</summary>
    public const int Operations = 1_000_000;

    private OrderFlow _flow = null!;

    /// <summary>Resting orders on the book.</summary>
    [Params(100, 10_000, 1_000_000)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _flow = new OrderFlow(Depth);
        _flow.Populate();
        _flow.Run(Operations);

        // A wrong book must fail the run, not make it fast.
        if (_flow.Book.IsCrossed || Math.Abs(_flow.Book.OrderCount - Depth) > (Depth / 50) + 2)
        {
            throw new InvalidOperationException($"The flow lost its shape: {_flow.Book.OrderCount} orders, crossed: {_flow.Book.IsCrossed}.");
        }
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public void AddCancelTakeMix() => _flow.Run(Operations);

    private sealed class OpsConfig : ManualConfig
    {
        public OpsConfig() => AddColumn(new OperationsPerSecondColumn());
    }
}
