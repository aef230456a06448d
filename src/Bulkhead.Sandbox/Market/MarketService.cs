using Bulkhead.Sandbox.Market.Internal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bulkhead.Sandbox.Market;

/// <summary>
/// Runs a <see cref="SandboxMarket"/> in the background: opens it while the host starts (so books have depth before the
/// first request), then ticks every
/// <see cref="MarketOptions.TickInterval"/> on the injected <see cref="TimeProvider"/> (a <c>FakeTimeProvider</c> ticks
/// it only when advanced). A failed step is logged and the next one retries.
/// </summary>
public sealed class MarketService : BackgroundService
{
    private readonly SandboxMarket _market;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;

    /// <summary>A service stepping <paramref name="market"/> every <paramref name="interval"/>.</summary>
    public MarketService(SandboxMarket market, TimeProvider time, TimeSpan interval, ILogger<MarketService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _market = market;
        _time = time;
        _interval = interval;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Opens the market (funds and quotes every book) before the host reports started, then starts the step loop.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _market.Open();
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_interval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                _market.Tick();
            }
#pragma warning disable CA1031 // The service boundary: a failed step must not stop the market (STYLE §4c).
            catch (Exception exception)
#pragma warning restore CA1031
            {
                MarketLog.StepFailed(_logger, exception);
            }
        }
    }
}
