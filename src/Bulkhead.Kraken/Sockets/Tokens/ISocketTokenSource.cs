using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Sockets.Tokens;

/// <summary>Where a private <see cref="KrakenSocketClient"/> gets the token every private request carries.</summary>
public interface ISocketTokenSource
{
    /// <summary>The name of the key the tokens belong to, for the call journal (never the key itself); null when unnamed.</summary>
    string? KeyName { get; }

    /// <summary>
    /// A token fresh enough to subscribe with. <paramref name="renew"/> forces a new one (the exchange answered
    /// <c>EAPI:Invalid token</c> to the current one).
    /// </summary>
    Task<KrakenResult<SocketToken>> GetTokenAsync(bool renew, CancellationToken cancellationToken);
}
