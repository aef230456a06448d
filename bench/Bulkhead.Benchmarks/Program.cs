using BenchmarkDotNet.Running;
using Bulkhead.Benchmarks.Matching;

if (args is ["matching-latency", .. var rest])
{
    MatchingLatency.Run(rest);
    return;
}

if (args is ["ack-latency", .. var counts])
{
    await Bulkhead.Benchmarks.Sockets.AckLatency.RunAsync(counts);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
