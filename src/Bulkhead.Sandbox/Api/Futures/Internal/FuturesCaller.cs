using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Keys;

namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>An authenticated Futures caller: the key and its account.</summary>
internal sealed record FuturesCaller(SandboxApiKey Key, SandboxAccount Account);
