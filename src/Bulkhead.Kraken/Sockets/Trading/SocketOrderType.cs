namespace Bulkhead.Kraken.Sockets.Trading;

/// <summary>The order types this client places (<c>order_type</c>); Kraken's trigger types need <c>triggers</c>, which the client does not write yet.</summary>
public enum SocketOrderType
{
    /// <summary><c>limit</c>: needs a limit price.</summary>
    Limit = 0,

    /// <summary><c>market</c>.</summary>
    Market,
}
