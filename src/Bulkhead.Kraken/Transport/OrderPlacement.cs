using Bulkhead.Kraken.Errors;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Kraken.Transport;

/// <summary>
/// The one policy for placing an order without ever placing it twice. The order is sent once. After a transient
/// failure (not local), the client backs off, then looks the order up by its client order id: if it landed, that is
/// the answer; if not, it is sent again with a fresh nonce, at most <see cref="KrakenClientOptions.MaxRetries"/> times.
/// Authentication, lockout, invalid-input and local failures are returned at once, and so is any failure of the
/// look-up itself (nothing is resent when it is not known whether the order landed).
/// </summary>
internal sealed class OrderPlacement
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private readonly KrakenClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public OrderPlacement(KrakenClientOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <param name="endpoint">The endpoint's name, for logs.</param>
    /// <param name="clientOrderId">The order's client order id (the caller's, or one the client generated).</param>
    /// <param name="sendOnce">One attempt, by attempt number (0 first).</param>
    /// <param name="findLanded">The look-up, given the failure that prompted it: the found order's result, or an empty <see cref="LandedOrder{T}"/> when it did not land.</param>
    /// <param name="isDefinitive">True for a failure that is the venue's answer about this very order (a rejection): it did not land, so nothing is looked up or resent.</param>
    /// <param name="cancellationToken">Cancels waiting (an order already sent may still land).</param>
    public async Task<KrakenResult<T>> PlaceAsync<T>(
        string endpoint,
        string clientOrderId,
        Func<int, CancellationToken, Task<KrakenResult<T>>> sendOnce,
        Func<KrakenError, CancellationToken, Task<KrakenResult<LandedOrder<T>>>> findLanded,
        Func<KrakenError, bool>? isDefinitive,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await sendOnce(attempt, cancellationToken).ConfigureAwait(false);
            if (answer.Success
                || answer.Error is not { IsTransient: true, Origin: not KrakenErrorOrigin.Local } error
                || isDefinitive?.Invoke(error) == true)
            {
                return answer;
            }

            Log.CheckingOrderLanded(_logger, endpoint, clientOrderId, error.Code);
            var delay = Delay(attempt, error);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }

            var landed = await findLanded(error, cancellationToken).ConfigureAwait(false);
            if (!landed.Success)
            {
                return new KrakenError(error.Code, error.Category, error.Origin,
                    $"{error.Message}; the order may have landed: looking up client order id {clientOrderId} failed ({landed.Error.Code}), so it was not resent: look it up before placing it again");
            }

            if (landed.Value.Outcome is { } found)
            {
                return found;
            }

            if (attempt >= _options.MaxRetries)
            {
                return error;
            }
        }
    }

    private TimeSpan Delay(int attempt, KrakenError error)
    {
        var exponential = _options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt, 16));
        var delay = exponential > MaxDelay ? MaxDelay : exponential;
        return error.RetryAfter is { } after && after > delay ? after : delay;
    }
}
