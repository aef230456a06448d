using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox.Tests.Storage;

public sealed class InMemorySandboxStoreTests : SandboxStoreContractTests
{
    protected override bool Durable => false;

    protected override ISandboxStore Open() => new InMemorySandboxStore();
}
