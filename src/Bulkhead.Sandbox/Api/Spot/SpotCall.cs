using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Keys;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>An authenticated private call as an endpoint sees it.</summary>
internal sealed record SpotCall(SandboxExchange Exchange, SandboxApiKey Key, SandboxAccount Account, SpotParameters Parameters, TimeProvider Time);
