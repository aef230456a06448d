using Bulkhead.Sandbox.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Storage;

/// <summary>Every acknowledged nonce mark is in the store, is the maximum set, and a failed write raises nothing.</summary>
public sealed class NonceMarkTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void SetNonceHighWater_ManyThreadsManyKeys_EveryAcknowledgedMarkDurableAndMaximal()
    {
        const int Threads = 16;
        const int PerThread = 300;
        var counting = new CountingStore(new SqliteSandboxStore(_folder.Path));
        using (var exchange = new SandboxExchange(counting, _time))
        {
            Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
            {
                for (var i = 1; i <= PerThread; i++)
                {
                    exchange.SetNonceHighWater($"key-{t % 4}", (t * 1_000_000L) + i);
                }
            });

            for (var k = 0; k < 4; k++)
            {
                exchange.NonceHighWater($"key-{k}").ShouldBe(((k + 12) * 1_000_000L) + PerThread);
            }
        }

        counting.Commits.ShouldBeLessThanOrEqualTo(Threads * PerThread);
        using var reopened = new SandboxExchange(new SqliteSandboxStore(_folder.Path), _time);
        for (var k = 0; k < 4; k++)
        {
            reopened.NonceHighWater($"key-{k}").ShouldBe(((k + 12) * 1_000_000L) + PerThread);
        }
    }

    [Fact]
    public void SetNonceHighWater_StoreFails_CallerSeesTheFailureAndMarkIsNotRaised()
    {
        var failing = new FailingStore(new InMemorySandboxStore());
        using var exchange = new SandboxExchange(failing, _time);
        exchange.SetNonceHighWater("key", 5);
        failing.FailNext = true;

        Should.Throw<IOException>(() => exchange.SetNonceHighWater("key", 9));

        exchange.NonceHighWater("key").ShouldBe(5);
        exchange.SetNonceHighWater("key", 10);
        exchange.NonceHighWater("key").ShouldBe(10);
    }

    [Fact]
    public void SetNonceHighWater_LowerOrEqual_WritesNothing()
    {
        var counting = new CountingStore(new InMemorySandboxStore());
        using var exchange = new SandboxExchange(counting, _time);
        exchange.SetNonceHighWater("key", 7);
        var after = counting.Commits;

        exchange.SetNonceHighWater("key", 7);
        exchange.SetNonceHighWater("key", 3);

        counting.Commits.ShouldBe(after);
        exchange.NonceHighWater("key").ShouldBe(7);
    }

    private sealed class CountingStore(ISandboxStore inner) : ISandboxStore
    {
        private int _commits;

        public int Commits => Volatile.Read(ref _commits);

        public SandboxSnapshot Load() => inner.Load();

        public void Compact(SandboxCompaction compaction) => inner.Compact(compaction);

        public void Commit(SandboxChangeSet changes)
        {
            inner.Commit(changes);
            Interlocked.Increment(ref _commits);
        }

        public void Dispose() => inner.Dispose();
    }
}
