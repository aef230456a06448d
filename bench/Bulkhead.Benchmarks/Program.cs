using BenchmarkDotNet.Running;
using Bulkhead.Benchmarks.Matching;

if (args is ["matching-latency", .. var rest])
{
    MatchingLatency.Run(rest);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
