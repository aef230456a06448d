using Bulkhead.Kraken.Nonces;

namespace Bulkhead.Kraken.Tests.Nonces;

public sealed class FileNonceStoreContractTests : NonceStoreContractTests
{
    private readonly TempDirectory _dir = new();

    protected override INonceStore Open(TimeProvider time) => FileNonceStore.Open(_dir.Path, ApiKey, time);

    public override void Dispose()
    {
        _dir.Dispose();
        base.Dispose();
    }
}
