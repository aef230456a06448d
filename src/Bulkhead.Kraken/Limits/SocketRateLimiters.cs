using System.Diagnostics.CodeAnalysis;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// What a WebSocket client of one API key charges, as Kraken counts it: its connections (at most
/// <see cref="SocketLimits.MaxConnectionsPerAddress"/> open, the most one address may hold), each connection's requests
/// (<see cref="SocketConnectionBudget"/>), and Spot order entry on the account's trading counter of the pair — the same
/// counter REST order entry charges (<see cref="AccountRateLimits.SpotTrading"/>; websocket.md §9). Socket order entry
/// does not touch the key's REST call counter. Unified (derivatives) order entry has no published trading figures
/// (websocket.md §12): it is charged to the connection's request budget only. Thread-safe.
/// </summary>
public sealed class SocketRateLimiters
{
    private readonly Func<string, IRateLimiter> _tradingForPair;
    private readonly TimeProvider _time;
    private int _open;

    /// <summary>Binds the limits of one key.</summary>
    /// <param name="keyId">The key (a public key or a name standing for it), for reports.</param>
    /// <param name="limits">The connection and message figures.</param>
    /// <param name="tradingForPair">The account's trading counter of a pair (shared with REST).</param>
    /// <param name="time">The clock.</param>
    public SocketRateLimiters(string keyId, SocketLimits limits, Func<string, IRateLimiter> tradingForPair, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(tradingForPair);
        ArgumentNullException.ThrowIfNull(time);
        limits.ThrowIfInvalid();
        KeyId = keyId;
        Limits = limits;
        _tradingForPair = tradingForPair;
        _time = time;
    }

    /// <summary>The key.</summary>
    public string KeyId { get; }

    /// <summary>The connection and message figures.</summary>
    public SocketLimits Limits { get; }

    /// <summary>How many connections of the key are open now (opened and not yet disposed).</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>
    /// Takes a connection slot before connecting: false (nothing taken) when the key already holds
    /// <see cref="SocketLimits.MaxConnectionsPerAddress"/> open connections. Dispose the budget when the connection ends.
    /// </summary>
    public bool TryOpen([NotNullWhen(true)] out SocketConnectionBudget? connection)
    {
        while (true)
        {
            var open = Volatile.Read(ref _open);
            if (open >= Limits.MaxConnectionsPerAddress)
            {
                connection = null;
                return false;
            }

            if (Interlocked.CompareExchange(ref _open, open + 1, open) == open)
            {
                connection = new SocketConnectionBudget(Limits, _time, () => Interlocked.Decrement(ref _open));
                return true;
            }
        }
    }

    /// <summary>
    /// The account's Spot trading counter of <paramref name="pair"/>, which socket order entry charges with
    /// <see cref="SpotTradingCosts"/> exactly as REST does (the same state: one counter per account and pair).
    /// </summary>
    public IRateLimiter Trading(string pair)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pair);
        return _tradingForPair(pair);
    }
}
