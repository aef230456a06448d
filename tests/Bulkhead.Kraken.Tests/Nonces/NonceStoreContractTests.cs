using Bulkhead.Kraken.Nonces;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Nonces;

/// <summary>What every <see cref="INonceStore"/> promises; one subclass per implementation.</summary>
public abstract class NonceStoreContractTests : IDisposable
{
    protected const string ApiKey = "ContractKey-0123456789abcdef";
    protected static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract INonceStore Open(TimeProvider time);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public void ReadReserved_Fresh_ReturnsZero()
    {
        using var store = Open(new FakeTimeProvider(Start));

        store.ReadReserved().ShouldBe(0);
    }

    [Fact]
    public void WriteReserved_ThenRead_ReturnsValue()
    {
        using var store = Open(new FakeTimeProvider(Start));

        store.WriteReserved(1_772_366_400_000_000);
        store.WriteReserved(1_772_366_400_000_000);

        store.ReadReserved().ShouldBe(1_772_366_400_000_000);
    }

    [Fact]
    public void WriteReserved_Backwards_ThrowsAndKeepsMark()
    {
        using var store = Open(new FakeTimeProvider(Start));
        store.WriteReserved(500);

        Should.Throw<InvalidOperationException>(() => store.WriteReserved(499))
            .Message.ShouldBe("A reserved nonce mark only goes up: 499 is below the current mark 500.");
        store.ReadReserved().ShouldBe(500);
    }

    [Fact]
    public void Holder_IsThisProcessSinceOpenWithMaskedKey()
    {
        using var store = Open(new FakeTimeProvider(Start));

        store.Holder.ShouldBe(new NonceSequenceHolder("Cont…cdef", Environment.ProcessId, Environment.MachineName, Start));
        store.ToString().ShouldNotBeNull().ShouldNotContain(ApiKey);
    }

    [Fact]
    public void ReadAndWrite_AfterDispose_Throw()
    {
        var store = Open(new FakeTimeProvider(Start));
        store.Dispose();
        store.Dispose();

        Should.Throw<ObjectDisposedException>(() => store.ReadReserved());
        Should.Throw<ObjectDisposedException>(() => store.WriteReserved(1));
    }

    [Fact]
    public void NonceSource_InvalidOptions_DisposesStore()
    {
        var store = Open(new FakeTimeProvider(Start));

        Should.Throw<ArgumentOutOfRangeException>(() => new NonceSource(store, new NonceOptions { ReserveAhead = TimeSpan.Zero }, new FakeTimeProvider(Start)));

        Should.Throw<ObjectDisposedException>(() => store.ReadReserved());
    }
}
