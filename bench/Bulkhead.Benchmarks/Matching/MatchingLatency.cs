using System.Globalization;

namespace Bulkhead.Benchmarks.Matching;

/// <summary>
/// Per-operation latency of the <see cref="OrderFlow"/> mix: each operation timed with
/// <see cref="TimeProvider.GetTimestamp"/> into a histogram (10 ns buckets to 100 µs), after a warm-up. Prints one
/// markdown row per depth: throughput of the timed loop, p50/p90/p99/p99.9/max, the timer's own cost (subtract it
/// mentally: it is inside every sample), and bytes allocated while measuring; then p50/p99/p99.9 per kind of
/// operation (add, cancel, take). Goal (issue #6): p99 &lt; 5 µs at depth 10k.
/// Run: <c>dotnet run -c Release -- matching-latency [operations] [depth...]</c>.
/// </summary>
public static class MatchingLatency
{
    private const int BucketNs = 10;
    private const int Buckets = 10_000;

    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var operations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000_000;
        int[] depths = args.Length > 1 ? [.. args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [100, 10_000, 1_000_000];
        var time = TimeProvider.System;
        Console.WriteLine($"Timer overhead (two GetTimestamp calls): {TimerOverheadNs(time):F1} ns; {operations:N0} timed operations per depth after as many warm-up ones.");
        Console.WriteLine();
        Console.WriteLine("| Depth | Ops/s (timed loop) | p50 | p90 | p99 | p99.9 | max | Allocated |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<string> kinds = [];
        foreach (var depth in depths)
        {
            var flow = new OrderFlow(depth);
            flow.Populate();
            flow.Run(operations);
            var histogram = new long[Buckets + 1];
            long[][] byKind = [new long[Buckets + 1], new long[Buckets + 1], new long[Buckets + 1]];
            var max = 0L;
            var nsPerTick = 1e9 / time.TimestampFrequency;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var started = time.GetTimestamp();
            for (var i = 0; i < operations; i++)
            {
                var t0 = time.GetTimestamp();
                var kind = flow.Step();
                var ticks = time.GetTimestamp() - t0;
                max = Math.Max(max, ticks);
                var bucket = Math.Min(Buckets, (int)(ticks * nsPerTick / BucketNs));
                histogram[bucket]++;
                byKind[kind][bucket]++;
            }

            var elapsed = time.GetElapsedTime(started);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {depth:N0} | {operations / elapsed.TotalSeconds:N0} | {Percentile(histogram, 0.50)} | {Percentile(histogram, 0.90)} | {Percentile(histogram, 0.99)} | {Percentile(histogram, 0.999)} | {max * nsPerTick / 1000:N1} µs | {allocated:N0} B |"));
            kinds.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"| {depth:N0} | {Row(byKind[0])} | {Row(byKind[1])} | {Row(byKind[2])} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| Depth | Add: count: p50 / p99 / p99.9 | Cancel | Take |");
        Console.WriteLine("|---:|---|---|---|");
        kinds.ForEach(Console.WriteLine);
    }

    private static string Row(long[] histogram) => string.Create(
        CultureInfo.InvariantCulture,
        $"{histogram.Sum():N0}: {Percentile(histogram, 0.50)} / {Percentile(histogram, 0.99)} / {Percentile(histogram, 0.999)}");

    private static string Percentile(long[] histogram, double p)
    {
        var rank = (long)Math.Ceiling(histogram.Sum() * p);
        var seen = 0L;
        for (var i = 0; i < histogram.Length; i++)
        {
            seen += histogram[i];
            if (seen >= rank)
            {
                return i == Buckets ? "> 100 µs" : string.Create(CultureInfo.InvariantCulture, $"{(i + 1) * BucketNs / 1000.0:N2} µs");
            }
        }

        return "NA";
    }

    private static double TimerOverheadNs(TimeProvider time)
    {
        const int Samples = 1_000_000;
        var started = time.GetTimestamp();
        var sink = 0L;
        for (var i = 0; i < Samples; i++)
        {
            sink += time.GetTimestamp() - time.GetTimestamp();
        }

        GC.KeepAlive(sink);
        return time.GetElapsedTime(started).TotalNanoseconds / Samples;
    }
}
