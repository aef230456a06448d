namespace Bulkhead.Sandbox.Auth;

/// <summary>Which Kraken API a request arrived on; decides the signature recipe and the wire strings of refusals.</summary>
public enum AuthVenue
{
    /// <summary>Spot REST: <c>API-Key</c>/<c>API-Sign</c>, nonce in the body, required.</summary>
    Spot = 0,

    /// <summary>Futures REST: <c>APIKey</c>/<c>Authent</c>, optional <c>Nonce</c> header.</summary>
    Futures,
}
