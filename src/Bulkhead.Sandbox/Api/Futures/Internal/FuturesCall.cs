namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>What a private Futures handler works with: the request, the authenticated caller, the exchange and the clock.</summary>
internal sealed record FuturesCall(FuturesRequest Request, FuturesCaller Caller, SandboxExchange Exchange, TimeProvider Time);
