using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bulkhead.Kraken.Sockets.Tokens;

/// <summary>
/// Tokens from Spot REST <c>GetWebSocketsToken</c> through the key's own <see cref="SpotClient"/>, so every fetch takes
/// the key's path — lockout guard, rate budget, fenced nonce, signature, call journal — and never a side path. Kraken's
/// token is valid for 15 minutes unused and lives on while a private subscription holds it; a reconnect needs a fresh
/// one, so this source renews its token <see cref="RenewBefore"/> before it would lapse (a timer on the clock), and a
/// caller never receives a token that close to lapsing. Concurrent callers share one fetch.
/// </summary>
public sealed class SpotSocketTokens : ISocketTokenSource, IDisposable
{
    /// <summary>The default margin before a token's lapse at which it is renewed.</summary>
    public static readonly TimeSpan DefaultRenewBefore = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(15);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _timerLock = new();
    private SocketToken? _current;
    private ITimer? _renewal;
    private int _issued;
    private bool _disposed;

    /// <summary>Creates the source.</summary>
    /// <param name="spot">The key's Spot client (it holds the key's guard, nonce source and rate budget).</param>
    /// <param name="time">The clock the token's age is measured on.</param>
    /// <param name="renewBefore">How long before its lapse a token is renewed; <see cref="DefaultRenewBefore"/> when null.</param>
    /// <param name="logger">A logger, or null.</param>
    public SpotSocketTokens(SpotClient spot, TimeProvider time, TimeSpan? renewBefore = null, ILogger<SpotSocketTokens>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(spot);
        ArgumentNullException.ThrowIfNull(time);
        Spot = spot;
        _time = time;
        RenewBefore = renewBefore ?? DefaultRenewBefore;
        ArgumentOutOfRangeException.ThrowIfLessThan(RenewBefore, TimeSpan.Zero, nameof(renewBefore));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>How long before its lapse a token is renewed.</summary>
    public TimeSpan RenewBefore { get; }

    /// <summary>How many tokens were fetched so far.</summary>
    public int Issued => Volatile.Read(ref _issued);

    /// <inheritdoc />
    public string? KeyName => Spot.KeyName;

    /// <summary>The key's Spot client (the REST look-up of an ambiguous order uses it too).</summary>
    internal SpotClient Spot { get; }

    /// <inheritdoc />
    public async Task<KrakenResult<SocketToken>> GetTokenAsync(bool renew, CancellationToken cancellationToken)
    {
        var seen = Volatile.Read(ref _current);
        if (!renew && IsFresh(seen))
        {
            return KrakenResult<SocketToken>.Ok(seen!);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if ((!renew && IsFresh(current)) || (renew && current is not null && !ReferenceEquals(current, seen) && IsFresh(current)))
            {
                // Another caller fetched while this one waited.
                return KrakenResult<SocketToken>.Ok(current!);
            }

            var fetched = await Spot.GetWebSocketsTokenAsync(cancellationToken).ConfigureAwait(false);
            if (!fetched.Success)
            {
                Log.TokenFetchFailed(_logger, fetched.Error.Code);
                return fetched.Error;
            }

            var token = new SocketToken(fetched.Value.Token, _time.GetUtcNow(), fetched.Value.ExpiresIn);
            Volatile.Write(ref _current, token);
            Interlocked.Increment(ref _issued);
            Schedule(RenewAt(token) - _time.GetUtcNow(), token);
            return KrakenResult<SocketToken>.Ok(token);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_timerLock)
        {
            _disposed = true;
            _renewal?.Dispose();
            _renewal = null;
        }
    }

    private bool IsFresh(SocketToken? token) => token is not null && _time.GetUtcNow() < RenewAt(token);

    // Renew RenewBefore ahead of the lapse, but never in the first half of a token's life (a short-lived token or a large margin).
    private DateTimeOffset RenewAt(SocketToken token)
    {
        var margin = RenewBefore < token.ValidFor / 2 ? RenewBefore : token.ValidFor / 2;
        return token.LapsesAt - margin;
    }

    private void Schedule(TimeSpan due, SocketToken token)
    {
        lock (_timerLock)
        {
            if (_disposed)
            {
                return;
            }

            _renewal?.Dispose();
            _renewal = _time.CreateTimer(_ => _ = RenewAsync(token), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RenewAsync(SocketToken due)
    {
        if (!ReferenceEquals(Volatile.Read(ref _current), due))
        {
            return;
        }

        var renewed = await GetTokenAsync(renew: false, CancellationToken.None).ConfigureAwait(false);
        if (renewed.Success)
        {
            Log.TokenRenewed(_logger, renewed.Value.LapsesAt);
        }
        else
        {
            Schedule(RetryAfterFailure, due);
        }
    }
}
