using System.Text.Json;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Nonces;

public sealed class FileNonceStoreTests : IDisposable
{
    private const string ApiKey = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdEfGhIjKlMnOp";
    private const string Secret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadReserved_FreshDirectory_ReturnsZero()
    {
        using var store = FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start));

        store.ReadReserved().ShouldBe(0);
    }

    [Fact]
    public void WriteReserved_Reopened_ReadsSameValue()
    {
        using (var store = FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start)))
        {
            store.WriteReserved(1_772_366_400_000_123);
        }

        using var reopened = FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start));
        reopened.ReadReserved().ShouldBe(1_772_366_400_000_123);
    }

    [Fact]
    public void WriteReserved_LowerThanCurrent_Throws()
    {
        using var store = FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start));
        store.WriteReserved(100);

        Should.Throw<InvalidOperationException>(() => store.WriteReserved(99)).Message.ShouldContain("only goes up");
        store.ReadReserved().ShouldBe(100);
    }

    [Fact]
    public void Open_SameKeyTwice_ThrowsHeldNamingPidHostAndSince()
    {
        var time = new FakeTimeProvider(Start);
        using var first = FileNonceStore.Open(_dir.Path, ApiKey, time);
        time.Advance(TimeSpan.FromMinutes(5));

        var ex = Should.Throw<NonceSequenceHeldException>(() => FileNonceStore.Open(_dir.Path, ApiKey, time));

        ex.Holder.ShouldBe(new NonceSequenceHolder("AbCd…MnOp", Environment.ProcessId, Environment.MachineName, Start));
        ex.MaskedKey.ShouldBe("AbCd…MnOp");
        ex.Message.ShouldBe(
            $"The nonce sequence of key AbCd…MnOp is held by process {Environment.ProcessId} on {Environment.MachineName} since 2026-03-01T12:00:00.0000000+00:00. " +
            "One key, one process: two holders race on the nonce and earn EAPI:Invalid nonce, which counts toward Kraken's lockout. Stop the other holder or give this process its own key.");
        ex.ToString().ShouldNotContain(ApiKey);
    }

    [Fact]
    public void Open_OtherKeySameDirectory_Succeeds()
    {
        using var first = FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start));
        using var second = FileNonceStore.Open(_dir.Path, "AnotherKey-0123456789", new FakeTimeProvider(Start));

        second.Holder.MaskedKey.ShouldBe("Anot…6789");
    }

    [Fact]
    public void Open_AfterDispose_SucceedsAndHolderIsCleared()
    {
        FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start)).Dispose();

        FileNonceStore.ReadHolder(_dir.Path, ApiKey).ShouldBeNull();
        using var again = FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start));
        FileNonceStore.ReadHolder(_dir.Path, ApiKey).ShouldBe(again.Holder);
    }

    [Fact]
    public void Open_WithCredentials_UsesApiKeyAndNeverWritesSecret()
    {
        var credentials = KrakenCredentials.Create(ApiKey, Secret);
        using (var store = FileNonceStore.Open(_dir.Path, credentials, new FakeTimeProvider(Start)))
        {
            store.WriteReserved(42);
            store.Holder.MaskedKey.ShouldBe(credentials.MaskedKey);
            store.ToString().ShouldNotContain(ApiKey);
        }

        using (var byKey = FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start)))
        {
            byKey.ReadReserved().ShouldBe(42);
        }

        foreach (var file in Directory.EnumerateFiles(_dir.Path))
        {
            Path.GetFileName(file).ShouldNotContain(ApiKey);
            var content = File.ReadAllText(file);
            content.ShouldNotContain(ApiKey);
            content.ShouldNotContain(Secret);
        }
    }

    [Fact]
    public void Open_AfterCrash_StaleHolderRecordDoesNotBlock()
    {
        var crashed = FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start));
        crashed.SimulateCrash();

        using var next = FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start + TimeSpan.FromMinutes(1)));

        next.Holder.Since.ShouldBe(Start + TimeSpan.FromMinutes(1));
        FileNonceStore.ReadHolder(_dir.Path, ApiKey).ShouldBe(next.Holder);
    }

    [Fact]
    public void ReadHolder_RecordOfDeadProcessOnThisHost_ReturnsNull()
    {
        FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start)).SimulateCrash();
        var holderFile = Directory.EnumerateFiles(_dir.Path, "*.holder").Single();
        File.WriteAllText(holderFile, JsonSerializer.Serialize(new { MaskedKey = "AbCd…MnOp", ProcessId = int.MaxValue, Host = Environment.MachineName, Since = Start }));

        FileNonceStore.ReadHolder(_dir.Path, ApiKey).ShouldBeNull();
    }

    [Fact]
    public void ReadHolder_NeverOpened_ReturnsNull() =>
        FileNonceStore.ReadHolder(_dir.Path, ApiKey).ShouldBeNull();

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("12ab")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void Open_CorruptHighWaterFile_ThrowsCorruptedAndReleasesKey(string content)
    {
        FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start)).Dispose();
        var nonceFile = Path.Combine(_dir.Path, Path.ChangeExtension(Path.GetFileName(Directory.EnumerateFiles(_dir.Path, "*.lock").Single()), ".nonce"));
        File.WriteAllText(nonceFile, content);

        var ex = Should.Throw<NonceStoreCorruptedException>(() => FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start)));

        ex.FilePath.ShouldBe(nonceFile);
        ex.Message.ShouldStartWith($"The nonce high-water mark in {nonceFile} is unreadable: ");
        ex.Message.ShouldContain("Repair:");
        ex.ToString().ShouldNotContain(ApiKey);
        FileNonceStore.ReadHolder(_dir.Path, ApiKey).ShouldBeNull();
        File.WriteAllText(nonceFile, "7\n");
        using var repaired = FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start));
        repaired.ReadReserved().ShouldBe(7);
    }

    [Fact]
    public void Next_RestartWithEarlierClock_ContinuesAboveLast()
    {
        long last;
        using (var source = new NonceSource(FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider(Start)), new NonceOptions(), new FakeTimeProvider(Start)))
        {
            source.Next();
            last = source.Next();
        }

        var earlier = new FakeTimeProvider(Start - TimeSpan.FromDays(1));
        using var restarted = new NonceSource(FileNonceStore.Open(_dir.Path, ApiKey, earlier), new NonceOptions(), earlier);

        restarted.Next().ShouldBeGreaterThan(last);
    }

    [Fact]
    public void Next_CrashWithoutDispose_RestartAboveEveryHandedOutNonce()
    {
        var time = new FakeTimeProvider(Start);
        var store = FileNonceStore.Open(_dir.Path, ApiKey, time);
        var source = new NonceSource(store, new NonceOptions { ReserveAhead = TimeSpan.FromMilliseconds(1) }, time);
        var handedOut = Enumerable.Range(0, 5_000).Select(_ => source.Next()).ToList();
        store.SimulateCrash();

        time.AdjustTime(Start - TimeSpan.FromMinutes(10));
        using var restarted = new NonceSource(FileNonceStore.Open(_dir.Path, ApiKey, time), new NonceOptions(), time);

        restarted.Next().ShouldBeGreaterThan(handedOut.Max());
    }
}
