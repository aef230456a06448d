using Bulkhead.Fleet.Fills;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Venues;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Worker;

/// <summary>
/// The trader's loop around one strategy: at start cancel every open order (orphans of a previous incarnation), catch up
/// the account's fills into the journal, arm the dead man's switch; then a round of market data → strategy, fills →
/// journal → strategy, open orders, timer; re-arm the switch every third of its window; journal equity points and
/// snapshots; heartbeat lines every 2 s. On REST a round runs once per poll interval. On a socket venue
/// (<see cref="Sockets"/>) a round runs when the venue signals a ticker or execution message (signals coalesce, at most
/// one poll interval apart) and reads only the venue's kept state: the strategy sees a quote only when it changed, every
/// fill exactly once, and its timer once per poll interval. A graceful stop cancels everything, disarms the switch and journals the last fills. A risk
/// breach cancels everything and halts (exit 5); an authentication halt sends nothing more (exit 4).
/// </summary>
internal sealed class StrategyHost
{
    private readonly StrategyContext _context;
    private readonly IStrategy _strategy;
    private readonly ITradingVenue _venue;
    private readonly IFillJournal _journal;
    private readonly StatusWriter _status;
    private readonly HostSettings _settings;
    private readonly LockoutGuard? _guard;
    private readonly CallTracker _calls;
    private readonly CancellationToken _leaseLost;
    private readonly Action<string> _log;
    private HeartbeatState _heartbeat = new(0, 0, 0, 0m, null, 0m, 0m);
    private decimal? _equityUsd;
    private readonly Dictionary<string, MarketQuote> _delivered = new(StringComparer.Ordinal);
    private long _lastArmed;
    private long _lastEquity;
    private long _lastTimer;

    public StrategyHost(StrategyContext context, IStrategy strategy, ITradingVenue venue, IFillJournal journal, StatusWriter status, HostSettings settings, CallTracker calls, Action<string> log, LockoutGuard? guard = null, CancellationToken leaseLost = default)
    {
        _context = context;
        _strategy = strategy;
        _venue = venue;
        _journal = journal;
        _status = status;
        _settings = settings;
        _calls = calls;
        _log = log;
        _guard = guard;
        _leaseLost = leaseLost;
    }

    private TimeProvider Time => _context.Time;

    /// <summary>The socket venue driving the rounds by its events, or null (a round per poll interval, REST).</summary>
    public SocketAccountVenue? Sockets { get; init; }

    public async Task<int> RunAsync(CancellationToken stop)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, _leaseLost);
        var token = linked.Token;
        using var beats = new CancellationTokenSource();
        var heartbeats = HeartbeatsAsync(beats.Token);
        try
        {
            await StartAsync(token).ConfigureAwait(false);
            while (true)
            {
                await PollAsync(token).ConfigureAwait(false);
                if (Sockets is { } sockets)
                {
                    await sockets.WaitForEventAsync(_settings.PollInterval, token).ConfigureAwait(false);
                }
                else
                {
                    await Task.Delay(_settings.PollInterval, Time, token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !_leaseLost.IsCancellationRequested)
        {
            await beats.CancelAsync().ConfigureAwait(false);
            await heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _status.Write("stopping", ("killSwitch", _settings.KillSwitch.Pulled));
            await StopGracefullyAsync().ConfigureAwait(false);
            return WorkerExitCodes.Stopped;
        }
        catch (WorkerHaltException ex) when (ex.ExitCode is WorkerExitCodes.HaltedRisk or WorkerExitCodes.HaltedStrategy)
        {
            _log($"{(ex.ExitCode == WorkerExitCodes.HaltedRisk ? "risk limit breached" : "strategy failed")}, cancelling everything: {ex.Message}");
            await CleanUpAsync(includeStrategy: false).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await beats.CancelAsync().ConfigureAwait(false);
            await heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task StartAsync(CancellationToken token)
    {
        _context.LoadJournal();

        // Orphans of a previous incarnation go first; retried until it works (authentication failures trip the guard → halt).
        while (true)
        {
            var cancelled = await _context.CancelAllAsync(token).ConfigureAwait(false);
            if (cancelled.Success)
            {
                if (cancelled.Value > 0)
                {
                    _log($"cancelled {cancelled.Value} orphan orders at start");
                }

                break;
            }

            _log($"cancel-all at start failed: {cancelled.Error.Code}; retrying");
            await Task.Delay(_settings.PollInterval, Time, token).ConfigureAwait(false);
        }

        var caught = await _context.PollFillsAsync(everything: true, token).ConfigureAwait(false);
        if (caught.Success && caught.Value.Count > 0)
        {
            _log($"caught up {caught.Value.Count} fills at start");
        }

        await _context.LoadTickSizesAsync(token).ConfigureAwait(false);
        await ArmAsync(token).ConfigureAwait(false);
        await _strategy.StartAsync(_context, token).ConfigureAwait(false);
        UpdateHeartbeat();
    }

    private async Task PollAsync(CancellationToken token)
    {
        foreach (var symbol in _context.Symbols)
        {
            var quote = await _venue.GetQuoteAsync(symbol, token).ConfigureAwait(false);
            if (!quote.Success)
            {
                _context.ThrowIfHalting(quote.Error);
                _log($"no quote for {symbol}: {quote.Error.Code}");
                continue;
            }

            _context.UpdateQuote(quote.Value);
            CheckDrawdown();
            if (Sockets is not null && _delivered.TryGetValue(symbol, out var last) && SameMarket(last, quote.Value))
            {
                continue; // an event of another symbol or an execution woke the round: this quote is not news
            }

            _delivered[symbol] = quote.Value;
            await _strategy.OnMarketAsync(quote.Value, token).ConfigureAwait(false);
        }

        var fills = await _context.PollFillsAsync(everything: false, token).ConfigureAwait(false);
        if (fills.Success)
        {
            foreach (var fill in fills.Value)
            {
                await _strategy.OnFillAsync(fill, token).ConfigureAwait(false);
            }
        }

        await _context.SyncOpenOrdersAsync(token).ConfigureAwait(false);
        if (Sockets is null || _lastTimer == 0 || Time.GetElapsedTime(_lastTimer) >= _settings.PollInterval)
        {
            _lastTimer = Time.GetTimestamp();
            await _strategy.OnTimerAsync(token).ConfigureAwait(false);
        }
        if (Time.GetElapsedTime(_lastArmed) >= _settings.DeadMansSwitch / 3)
        {
            await ArmAsync(token).ConfigureAwait(false);
        }

        if (_lastEquity == 0 || Time.GetElapsedTime(_lastEquity) >= _settings.EquityInterval)
        {
            await RecordEquityAsync(token).ConfigureAwait(false);
        }

        UpdateHeartbeat();
    }

    private static bool SameMarket(MarketQuote a, MarketQuote b) => a.Bid == b.Bid && a.Ask == b.Ask && a.Last == b.Last && a.Mark == b.Mark;

    private void CheckDrawdown()
    {
        if (RiskCheck.Drawdown(_context.Risk, _context.DrawdownUsd) is { } breach)
        {
            throw new WorkerHaltException(WorkerExitCodes.HaltedRisk, breach);
        }
    }

    private async Task ArmAsync(CancellationToken token)
    {
        var armed = await _venue.ArmDeadMansSwitchAsync(_settings.DeadMansSwitch, token).ConfigureAwait(false);
        if (armed.Success)
        {
            _lastArmed = Time.GetTimestamp();
            return;
        }

        _context.ThrowIfHalting(armed.Error);
        _log($"arming the dead man's switch failed: {armed.Error.Code}; retrying next poll");
    }

    private async Task RecordEquityAsync(CancellationToken token)
    {
        var account = await _venue.GetAccountAsync(token).ConfigureAwait(false);
        if (!account.Success)
        {
            _context.ThrowIfHalting(account.Error);
            _log($"reading the account failed: {account.Error.Code}");
            return;
        }

        _lastEquity = Time.GetTimestamp();
        _equityUsd = account.Value.EquityUsd;
        var now = Time.GetUtcNow();
        foreach (var (kind, json) in account.Value.Snapshots)
        {
            _journal.RecordSnapshot(new JournalSnapshot(_context.Account, kind, _context.Process, now, json));
        }

        _journal.RecordEquity(_context.Equity(account.Value.EquityUsd));
    }

    private async Task StopGracefullyAsync()
    {
        await CleanUpAsync(includeStrategy: true).ConfigureAwait(false);
        using var budget = new CancellationTokenSource(_settings.StopBudget, Time);
        try
        {
            Sockets?.ReadHistoryOnNextPoll(); // the last fills from the history too: none left in flight on the stream
            await _context.PollFillsAsync(everything: false, budget.Token).ConfigureAwait(false);
            await RecordEquityAsync(budget.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WorkerHaltException)
        {
            _log($"the last fills and equity were not journaled: {ex.Message}");
        }

        UpdateHeartbeat();
    }

    /// <summary>Cancel everything and disarm the dead man's switch, within the stop budget; failures are logged.</summary>
    private async Task CleanUpAsync(bool includeStrategy)
    {
        using var budget = new CancellationTokenSource(_settings.StopBudget, Time);
        try
        {
            if (includeStrategy)
            {
                await _strategy.StopAsync(budget.Token).ConfigureAwait(false);
            }

            if (_guard?.State.Halted == true)
            {
                return; // cannot sign: the dead man's switch cancels the orders on the exchange
            }

            var cancelled = await _context.CancelAllAsync(budget.Token).ConfigureAwait(false);
            _log(cancelled.Success ? $"cancelled {cancelled.Value} open orders" : $"cancel-all failed: {cancelled.Error.Code}");
            if (includeStrategy && _settings.KillSwitch.Pulled)
            {
                // The kill switch: the exchange cancels whatever raced the cancel-all when the switch fires.
                var fired = await _venue.ArmDeadMansSwitchAsync(_settings.KillSwitchWindow, budget.Token).ConfigureAwait(false);
                _log(fired.Success ? $"kill switch: dead man's switch set to fire in {_settings.KillSwitchWindow.TotalSeconds:0.###} s" : $"kill switch: setting the dead man's switch failed: {fired.Error.Code}");
                return;
            }

            var disarmed = await _venue.ArmDeadMansSwitchAsync(TimeSpan.Zero, budget.Token).ConfigureAwait(false);
            _log(disarmed.Success ? "dead man's switch disarmed" : $"disarming the dead man's switch failed: {disarmed.Error.Code}");
        }
        catch (Exception ex) when (ex is OperationCanceledException or WorkerHaltException)
        {
            _log($"clean-up incomplete: {ex.Message}");
        }
    }

    private void UpdateHeartbeat()
    {
        var position = _context.Symbols.Sum(_context.Position);
        Volatile.Write(ref _heartbeat, new HeartbeatState(_context.OrdersSent, _context.FillCount, _context.OpenOrders.Count, _context.PnlUsd, _equityUsd, position, _context.DrawdownUsd));
    }

    /// <summary>The socket's figures for the heartbeat (none on REST): state, subscriptions, last-message age, reconnects, book resyncs.</summary>
    private (string Name, object? Value)[] SocketFields()
    {
        if (Sockets is not { } sockets)
        {
            return [];
        }

        var stats = sockets.GetStats();
        return
        [
            ("socket", SocketState(stats.State)),
            ("socketVenue", sockets.Client.Endpoint.JournalVenue),
            ("socketSubscriptions", string.Join(" ", stats.Subscriptions)),
            ("socketLastMessageMs", stats.LastMessageAge is { } age ? (long)age.TotalMilliseconds : null),
            ("socketReconnects", stats.Reconnects),
            ("socketBookResyncs", stats.BookResyncs),
        ];
    }

    /// <summary>connected / reconnecting / down: what an operator needs of a socket's state.</summary>
    internal static string SocketState(SocketConnectionState state) => state switch
    {
        SocketConnectionState.Connected => "connected",
        SocketConnectionState.Connecting or SocketConnectionState.Reconnecting => "reconnecting",
        _ => "down",
    };

    private async Task HeartbeatsAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            var beat = Volatile.Read(ref _heartbeat);
            (string Name, object? Value)[] fields =
            [
                ("orders", beat.Orders),
                ("fills", beat.Fills),
                ("openOrders", beat.OpenOrders),
                ("lastNonceAt", _calls.LastSignedAt),
                ("guard", _guard?.State.Halted == true ? "halted" : "ok"),
                ("pnlUsd", decimal.Round(beat.PnlUsd, 2)),
                ("equityUsd", beat.EquityUsd is { } e ? decimal.Round(e, 2) : null),
                ("position", beat.Position),
                ("drawdownUsd", decimal.Round(beat.DrawdownUsd, 4)),
                ("calls", _calls.Calls),
                ("errors", _calls.Errors),
                .. SocketFields(),
            ];
            _status.Write("heartbeat", fields);
            await Task.Delay(_settings.HeartbeatInterval, Time, token).ConfigureAwait(false);
        }
    }
}
