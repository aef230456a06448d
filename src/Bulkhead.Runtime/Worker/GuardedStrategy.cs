using Bulkhead.Fleet.Fills;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Worker;

/// <summary>
/// Runs a strategy's callbacks so that a faulty one is halted and reported instead of crashing its worker into a restart
/// loop: each call runs on the thread pool (a strategy that blocks its thread cannot block the host) and must return within
/// <c>strategy_timeout_seconds</c> (default 30); an exception is logged and the call skipped, and
/// <c>strategy_error_limit</c> (default 5) in a row from the same callback halt the worker with the last exception (exit 6, never restarted;
/// the host cancels every order first). A failing <see cref="IStrategy.StartAsync"/> halts at once.
/// </summary>
internal sealed class GuardedStrategy(IStrategy inner, string name, int errorLimit, TimeSpan timeout, TimeProvider time, Action<string> log) : IStrategy
{
    private readonly Dictionary<string, int> _consecutive = new(StringComparer.Ordinal);

    /// <summary>The guard with the limits from the strategy's parameters.</summary>
    public static GuardedStrategy For(IStrategy inner, StrategyContext context, Action<string> log) =>
        new(inner, context.Strategy.Name,
            (int)context.Parameters.GetDecimal("strategy_error_limit", 5m),
            context.Parameters.GetSeconds("strategy_timeout_seconds", TimeSpan.FromSeconds(30)),
            context.Time, log);

    /// <inheritdoc />
    public async Task StartAsync(StrategyContext context, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(() => inner.StartAsync(context, cancellationToken), nameof(StartAsync), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Faulted(e, cancellationToken))
        {
            throw Halt($"strategy '{name}' failed to start: {Describe(e)}", e);
        }
    }

    /// <inheritdoc />
    public Task OnMarketAsync(MarketQuote quote, CancellationToken cancellationToken) =>
        CallAsync(() => inner.OnMarketAsync(quote, cancellationToken), nameof(OnMarketAsync), cancellationToken);

    /// <inheritdoc />
    public Task OnFillAsync(JournalFill fill, CancellationToken cancellationToken) =>
        CallAsync(() => inner.OnFillAsync(fill, cancellationToken), nameof(OnFillAsync), cancellationToken);

    /// <inheritdoc />
    public Task OnTimerAsync(CancellationToken cancellationToken) =>
        CallAsync(() => inner.OnTimerAsync(cancellationToken), nameof(OnTimerAsync), cancellationToken);

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(() => inner.StopAsync(cancellationToken), nameof(StopAsync), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Faulted(e, cancellationToken))
        {
            log($"strategy '{name}' StopAsync threw {Describe(e)}; stopping anyway");
        }
    }

    private async Task CallAsync(Func<Task> call, string what, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(call, what, cancellationToken).ConfigureAwait(false);
            _consecutive[what] = 0;
        }
        catch (Exception e) when (Faulted(e, cancellationToken))
        {
            var count = _consecutive[what] = _consecutive.GetValueOrDefault(what) + 1;
            log($"strategy '{name}' {what} threw {Describe(e)} ({count} in a row; halted at {errorLimit})");
            if (count >= errorLimit)
            {
                throw Halt($"strategy '{name}' threw {count} times in a row in {what}: {Describe(e)}", e);
            }
        }
    }

    private async Task RunAsync(Func<Task> call, string what, CancellationToken cancellationToken)
    {
        var running = Task.Run(call, cancellationToken);
        try
        {
            await running.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw Halt($"strategy '{name}' hung: {what} did not return within {timeout.TotalSeconds:0.###} s (strategy_timeout_seconds)", null);
        }
    }

    /// <summary>A strategy's own failure: not the host's cancellation, not a halt the SDK raised (risk, authentication).</summary>
    private static bool Faulted(Exception e, CancellationToken cancellationToken) =>
        e is not WorkerHaltException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private static string Describe(Exception e) => $"{e.GetType().FullName}: {e.Message}";

    private static WorkerHaltException Halt(string reason, Exception? cause) =>
        cause is null ? new WorkerHaltException(WorkerExitCodes.HaltedStrategy, reason) : new WorkerHaltException(WorkerExitCodes.HaltedStrategy, reason, cause);
}
