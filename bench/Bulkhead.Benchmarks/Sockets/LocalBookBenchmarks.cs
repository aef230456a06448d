using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Bulkhead.Benchmarks.Matching;
using Bulkhead.Kraken.Books;
using Bulkhead.Kraken.Sockets.Books;

namespace Bulkhead.Benchmarks.Sockets;

/// <summary>
/// The client's local book applying <c>book</c> messages with checksum verification, one thread, steady state, from the
/// received frame bytes (UTF-8 JSON as the socket hands them over): <see cref="LocalBook.Apply"/> reads each frame with a
/// <see cref="Utf8JsonReader"/>, sets the levels, truncates to the depth and compares the CRC-32 of the top 10 levels
/// with the message's. Goal (issue #16): at least 200,000 updates per second (Mean ≤ 5 μs; the Ops/s column) and 0 bytes
/// allocated per update. <see cref="ScanFrames"/> (baseline) only walks every token of the same frames: the floor of
/// reading them at all. The frames come from a seeded random walk of a BTC/USD book (price 1 decimal, quantity 8): each
/// update changes one to three levels, a removal paired with the level that enters in its place; every 50th message
/// is a snapshot of the whole window, as after a resubscription.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OpsConfig))]
public class LocalBookBenchmarks
{
    /// <summary>Messages per invocation.</summary>
    public const int Messages = 20_000;

    private byte[][] _frames = null!;
    private LocalBook _book = null!;

    /// <summary>The subscribed depth (levels kept per side).</summary>
    [Params(10, 100)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _frames = BookFrames.Generate(Depth, Messages, seed: 42);
        _book = new LocalBook("BTC/USD", Depth);

        // A wrong answer must fail the run, not make it fast.
        ApplyFrames();
        if (!_book.IsSynchronised || _book.Bids().Count != Depth)
        {
            throw new InvalidOperationException("The generated frames did not keep the book synchronised.");
        }
    }

    /// <summary>Walks every token of every frame (no book): the floor.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public int ScanFrames()
    {
        var tokens = 0;
        foreach (var frame in _frames)
        {
            var reader = new Utf8JsonReader(frame);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    /// <summary>Applies every frame to the local book, each one verified by its checksum.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public void ApplyFrames()
    {
        foreach (var frame in _frames)
        {
            if (_book.Apply(frame) != BookApplyResult.Applied)
            {
                throw new InvalidOperationException("A frame did not verify.");
            }
        }
    }

    private sealed class OpsConfig : ManualConfig
    {
        public OpsConfig() => AddColumn(new OperationsPerSecondColumn());
    }

    /// <summary>Generates the frames: a book of exactly <c>depth</c> levels a side, walked at random, printed as Kraken prints it.</summary>
    private static class BookFrames
    {
        public static byte[][] Generate(int depth, int count, int seed)
        {
            var random = new Random(seed);
            var bids = new SortedDictionary<long, long>(Comparer<long>.Create((a, b) => b.CompareTo(a)));
            var asks = new SortedDictionary<long, long>();
            for (var i = 0; i < depth; i++)
            {
                bids[452_835 - (i * 3)] = Quantity(random);
                asks[452_852 + (i * 3)] = Quantity(random);
            }

            var frames = new byte[count][];
            frames[0] = Frame("snapshot", bids, asks, [.. Levels(bids)], [.. Levels(asks)]);
            for (var n = 1; n < count; n++)
            {
                if (n % 50 == 0)
                {
                    frames[n] = Frame("snapshot", bids, asks, [.. Levels(bids)], [.. Levels(asks)]);
                    continue;
                }

                var changedBids = new List<(long, long)>();
                var changedAsks = new List<(long, long)>();
                for (var c = random.Next(1, 4); c > 0; c--)
                {
                    var bid = random.Next(2) == 0;
                    var (side, changes) = bid ? (bids, changedBids) : (asks, changedAsks);
                    var level = side.Keys.ElementAt(random.Next(Math.Min(side.Count, 10)));
                    if (random.Next(4) == 0)
                    {
                        // A removal, and a new level enters at a free price beyond the best.
                        side.Remove(level);
                        changes.Add((level, 0));
                        var entering = side.Keys.Last() + (bid ? -random.Next(1, 4) : random.Next(1, 4));
                        side[entering] = Quantity(random);
                        changes.Add((entering, side[entering]));
                    }
                    else
                    {
                        side[level] = Quantity(random);
                        changes.Add((level, side[level]));
                    }
                }

                frames[n] = Frame("update", bids, asks, changedBids, changedAsks);
            }

            return frames;
        }

        private static long Quantity(Random random) => random.Next(1, 300_000_000);

        private static IEnumerable<(long Price, long Qty)> Levels(SortedDictionary<long, long> side) => side.Select(l => (l.Key, l.Value));

        private static byte[] Frame(string type, SortedDictionary<long, long> bids, SortedDictionary<long, long> asks, List<(long Price, long Qty)> bidChanges, List<(long Price, long Qty)> askChanges)
        {
            var checksum = BookChecksum.Compute(Levels(asks).Select(Text), Levels(bids).Select(Text));
            var json = new StringBuilder(512);
            json.Append("{\"channel\":\"book\",\"type\":\"").Append(type).Append("\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[");
            Append(json, bidChanges);
            json.Append("],\"asks\":[");
            Append(json, askChanges);
            json.Append("],\"checksum\":").Append(checksum.ToString(CultureInfo.InvariantCulture));
            if (type == "update")
            {
                json.Append(",\"timestamp\":\"2026-12-08T10:00:00.123456Z\"");
            }

            json.Append("}]}");
            return Encoding.UTF8.GetBytes(json.ToString());
        }

        private static void Append(StringBuilder json, List<(long Price, long Qty)> levels)
        {
            for (var i = 0; i < levels.Count; i++)
            {
                var (price, qty) = Text(levels[i]);
                json.Append(i == 0 ? string.Empty : ",").Append("{\"price\":").Append(price).Append(",\"qty\":").Append(qty).Append('}');
            }
        }

        private static (string Price, string Qty) Text((long Price, long Qty) level) =>
            ((level.Price / 10m).ToString("F1", CultureInfo.InvariantCulture), (level.Qty / 100_000_000m).ToString("F8", CultureInfo.InvariantCulture));
    }
}
