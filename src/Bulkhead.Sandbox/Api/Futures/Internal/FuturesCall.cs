using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Keys;

namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>What a private Futures handler works with: the request, the authenticated key and its account, the exchange and the clock.</summary>
internal sealed record FuturesCall(FuturesRequest Request, SandboxApiKey Key, SandboxAccount Account, SandboxExchange Exchange, TimeProvider Time);
