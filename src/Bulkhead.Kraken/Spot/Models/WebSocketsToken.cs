namespace Bulkhead.Kraken.Spot.Models;

/// <summary>A token for the authenticated WebSocket API. Treat it as a secret: it is never logged.</summary>
/// <param name="Token">The token.</param>
/// <param name="ExpiresIn">How long it stays valid if no connection uses it.</param>
public sealed record WebSocketsToken(string Token, TimeSpan ExpiresIn)
{
    /// <inheritdoc />
    public override string ToString() => $"WebSocketsToken(***, expires in {ExpiresIn})";
}
