using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.KeyTests;

/// <summary>The nonce marks component: accepted at once in memory, durable with a commit, grouped when written alone.</summary>
public sealed class NonceMarksTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Accept_RaisesTheAcceptedMarkOnly_AndTheNextCommitCarriesIt()
    {
        var marks = new NonceMarks();
        marks.Accept("k", 10);
        marks.Accept("k", 7);

        marks.Accepted("k").ShouldBe(10);
        marks.Durable("k").ShouldBe(0);
        var nonces = new Dictionary<string, long>(StringComparer.Ordinal);
        marks.AddPending(nonces);
        nonces.ShouldBe(new Dictionary<string, long> { ["k"] = 10 });

        marks.Written(nonces);
        marks.Durable("k").ShouldBe(10);
        var after = new Dictionary<string, long>(StringComparer.Ordinal);
        marks.AddPending(after);
        after.ShouldBeEmpty();
    }

    [Fact]
    public void AddPending_KeepsTheHigherOfTwoMarks()
    {
        var marks = new NonceMarks();
        marks.Accept("k", 10);
        var nonces = new Dictionary<string, long>(StringComparer.Ordinal) { ["k"] = 12 };

        marks.AddPending(nonces);

        nonces["k"].ShouldBe(12);
    }

    [Fact]
    public async Task MakeDurable_SeveralPendingKeys_OneTransactionCarriesThemAll()
    {
        var store = new RecordingStore(new SqliteSandboxStore(_folder.Path, syncEveryCommit: false));
        var marks = new NonceMarks();
        marks.Accept("a", 1);
        marks.Accept("b", 2);
        marks.Accept("c", 3);

        await marks.MakeDurableAsync("a", 1, store).WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await marks.MakeDurableAsync("b", 2, store).WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await marks.MakeDurableAsync("c", 3, store).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        store.Commits.Count.ShouldBe(1);
        store.Commits[0].Nonces.ShouldBe(new Dictionary<string, long> { ["a"] = 1, ["b"] = 2, ["c"] = 3 });
        marks.GroupWrites.ShouldBe(1);
        store.Dispose();
        using var reopened = new SandboxExchange(new SqliteSandboxStore(_folder.Path), new FakeTimeProvider());
        reopened.NonceHighWater("c").ShouldBe(3);
    }

    [Fact]
    public void MakeDurable_AlreadyWrittenByACommit_CompletesAtOnceWritingNothing()
    {
        var store = new RecordingStore(new InMemorySandboxStore());
        var marks = new NonceMarks();
        marks.Accept("k", 5);
        var changes = new SandboxChangeSet();
        marks.AddPending(changes.Nonces);
        marks.Written(changes.Nonces);

        marks.MakeDurableAsync("k", 5, store).IsCompletedSuccessfully.ShouldBeTrue();

        store.Commits.ShouldBeEmpty();
    }

    [Fact]
    public async Task MakeDurable_StoreFails_TheWaiterSeesItNothingRaisedAndTheNextCallWritesIt()
    {
        var failing = new FailingStore(new InMemorySandboxStore()) { FailNext = true };
        var marks = new NonceMarks();
        marks.Accept("k", 9);

        await Should.ThrowAsync<IOException>(() => marks.MakeDurableAsync("k", 9, failing).WaitAsync(Deadline, TestContext.Current.CancellationToken));

        marks.Durable("k").ShouldBe(0);
        marks.Accepted("k").ShouldBe(9);
        await marks.MakeDurableAsync("k", 9, failing).WaitAsync(Deadline, TestContext.Current.CancellationToken);
        marks.Durable("k").ShouldBe(9);
    }

    [Fact]
    public async Task MakeDurable_ManyConcurrentRequests_EveryMarkIsDurableWhenItsWaitEnds_WritesGrouped()
    {
        const int Threads = 8;
        const int PerThread = 150;
        var store = new RecordingStore(new SqliteSandboxStore(_folder.Path, syncEveryCommit: false));
        var marks = new NonceMarks();
        var late = 0;
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            for (var nonce = 1L; nonce <= PerThread; nonce++)
            {
                marks.Accept($"key-{t}", nonce);
                await marks.MakeDurableAsync($"key-{t}", nonce, store);
                if (marks.Durable($"key-{t}") < nonce)
                {
                    Interlocked.Increment(ref late);
                }
            }
        }))).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        late.ShouldBe(0);
        store.Commits.Count.ShouldBe((int)marks.GroupWrites);
        store.Commits.Count.ShouldBeLessThanOrEqualTo(Threads * PerThread);
        store.Dispose();
        using var reopened = new SandboxExchange(new SqliteSandboxStore(_folder.Path), new FakeTimeProvider());
        for (var t = 0; t < Threads; t++)
        {
            reopened.NonceHighWater($"key-{t}").ShouldBe(PerThread);
        }
    }
}
