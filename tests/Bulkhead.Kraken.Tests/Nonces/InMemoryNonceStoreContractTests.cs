using Bulkhead.Kraken.Nonces;

namespace Bulkhead.Kraken.Tests.Nonces;

public sealed class InMemoryNonceStoreContractTests : NonceStoreContractTests
{
    protected override INonceStore Open(TimeProvider time) => new InMemoryNonceStore(ApiKey, time);
}
