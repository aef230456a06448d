using System.Diagnostics.Metrics;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Errors;
using Bulkhead.Runtime.Supervisor;

namespace Bulkhead.Runtime.Metrics;

/// <summary>The instruments: names, units, descriptions and where each value comes from (docs/operations.md lists them).</summary>
public sealed partial class FleetMetrics
{
    private void CreateProcessInstruments()
    {
        Meter.CreateObservableGauge("bulkhead.process.state", () => _supervisor.Snapshot().SelectMany(p => States.Select(state =>
                Measure(state == Name(p.State) ? 1 : 0, Tag("process", p.Process), Tag("role", Name(p.Role)), Tag("state", state)))),
            description: "1 for the state each supervised process is in (starting, running, backoff, halted, stopping, stopped, failed), 0 for the others");
        Meter.CreateObservableCounter("bulkhead.process.restarts", () => _supervisor.Snapshot().Select(p => Measure((long)p.Restarts, Tag("process", p.Process))),
            unit: "{restart}", description: "Restarts of a process after a crash (exit 1, 3 or a signal)");
        Meter.CreateObservableGauge("bulkhead.process.consecutive_crashes", () => _supervisor.Counters().Select(c => Measure(c.ConsecutiveCrashes, Tag("process", c.Process))),
            unit: "{crash}", description: "Crashes of a process since it last stayed up 60 s: a worker restarting in a loop");
        Meter.CreateObservableCounter("bulkhead.process.halts", () => _supervisor.Counters().SelectMany(c => c.Halts.Select(h => Measure((long)h.Value, Tag("process", c.Process), Tag("reason", h.Key)))),
            unit: "{halt}", description: "Times a process was halted, by reason: auth, risk, configuration, operator, kill-switch");
        Meter.CreateObservableGauge("bulkhead.process.heartbeat.age", HeartbeatAges,
            unit: "s", description: "Seconds since the supervisor last received the process's heartbeat (running processes)");
        Meter.CreateObservableCounter("bulkhead.kraken.calls", () => _supervisor.Counters().Select(c => Measure(c.Calls, Tag("process", c.Process), Tag("key", KeyOf(c.Process)))),
            unit: "{call}", description: "Signed Kraken calls a process's workers attempted");
        Meter.CreateObservableCounter("bulkhead.kraken.errors", () => _supervisor.Counters().SelectMany(c => c.Errors.Select(e =>
                Measure(e.Value, Tag("process", c.Process), Tag("key", KeyOf(c.Process)), Tag("error.type", e.Key)))),
            unit: "{error}", description: "Failed signed calls by error code: Kraken's wire string verbatim (EAPI:Invalid nonce), or a Bulkhead: code for a local refusal");
        Meter.CreateObservableCounter("bulkhead.kraken.nonce_errors", () => _supervisor.Counters().Select(c =>
                Measure(c.Errors.Where(e => KrakenErrors.NonceErrors.Contains(e.Key)).Sum(e => e.Value), Tag("process", c.Process), Tag("key", KeyOf(c.Process)))),
            unit: "{error}", description: "Signed calls the exchange refused for their nonce (EAPI:Invalid nonce, nonceBelowThreshold, nonceDuplicate)");
        Meter.CreateObservableCounter("bulkhead.guard.trips", () => _supervisor.Counters().Select(c => Measure((long)c.GuardTrips, Tag("process", c.Process), Tag("key", KeyOf(c.Process)))),
            unit: "{trip}", description: "Times a key's lockout guard tripped (authentication failures: the key stops signing)");
        Meter.CreateObservableGauge("bulkhead.guard.halted", () => _supervisor.Snapshot().Select(p => Measure(GuardHalted(p) ? 1 : 0, Tag("process", p.Process), Tag("key", p.Key ?? string.Empty))),
            description: "1 while a process's key is halted: its lockout guard tripped, or the process halted for authentication");
        Meter.CreateObservableGauge("bulkhead.socket.state", () => Sockets().SelectMany(s => SocketStates.Select(state =>
                Measure(state == s.Socket.State ? 1 : 0, Tag("process", s.Process), Tag("venue", s.Socket.Venue ?? string.Empty), Tag("state", state)))),
            description: "1 for the state a streaming process's WebSocket is in (connected, reconnecting, down), 0 for the others; from its last heartbeat");
        Meter.CreateObservableCounter("bulkhead.socket.reconnects", () => Sockets().Select(s => Measure(s.Socket.Reconnects, Tag("process", s.Process), Tag("venue", s.Socket.Venue ?? string.Empty))),
            unit: "{reconnect}", description: "Reconnections of a streaming process's WebSocket since its worker started");
        Meter.CreateObservableCounter("bulkhead.socket.book_resyncs", () => Sockets().Select(s => Measure(s.Socket.BookResyncs, Tag("process", s.Process), Tag("venue", s.Socket.Venue ?? string.Empty))),
            unit: "{resync}", description: "Local books resynchronised (checksum mismatch, fresh snapshot) on a streaming process's WebSocket since its worker started");
        Meter.CreateObservableGauge("bulkhead.socket.last_message.age", () => Sockets().Where(s => s.Socket.LastMessageMs is not null)
                .Select(s => Measure(s.Socket.LastMessageMs!.Value / 1000d, Tag("process", s.Process), Tag("venue", s.Socket.Venue ?? string.Empty))),
            unit: "s", description: "Seconds since a streaming process's WebSocket last received a message, as of its last heartbeat");
        Meter.CreateObservableGauge("bulkhead.kill_switch.pulled", () => Measure(_supervisor.KillSwitch is null ? 0 : 1),
            description: "1 while the fleet's kill switch is pulled (no trader starts until it is re-armed)");
    }

    /// <summary>The running processes that stream, with their socket from the last heartbeat.</summary>
    private IEnumerable<(string Process, WorkerSocket Socket)> Sockets() =>
        _supervisor.Snapshot().Where(p => p.State == ProcessState.Running && p.Heartbeat?.Socket is not null).Select(p => (p.Process, p.Heartbeat!.Socket!));

    private static readonly string[] SocketStates = ["connected", "reconnecting", "down"];

    private void CreateStrategyInstruments()
    {
        Meter.CreateObservableCounter("bulkhead.strategy.fills", () => Strategies().Select(s => Measure(s.Fills, Tag("strategy", s.Strategy), Tag("account", s.Account))),
            unit: "{fill}", description: "Fills journaled for a strategy (the fill journal)");
        Meter.CreateObservableCounter("bulkhead.strategy.fees", () => Strategies().Select(s => Measure(s.FeesUsd, Tag("strategy", s.Strategy), Tag("account", s.Account))),
            unit: "USD", description: "Fees a strategy paid, in USD (the fill journal)");
        Meter.CreateObservableCounter("bulkhead.strategy.volume", () => Strategies().Select(s => Measure(s.VolumeUsd, Tag("strategy", s.Strategy), Tag("account", s.Account))),
            unit: "USD", description: "Notional a strategy traded, in USD (the fill journal)");
        Meter.CreateObservableGauge("bulkhead.strategy.pnl", () => Strategies().Select(s => Measure(s.PnlUsd, Tag("strategy", s.Strategy), Tag("account", s.Account))),
            unit: "USD", description: "A strategy's P&L in USD: realised + unrealised at the marks - fees (FillPnl, average cost; the report's definition)");
        Meter.CreateObservableGauge("bulkhead.strategy.pnl.realised", () => Strategies().Select(s => Measure(s.RealisedUsd, Tag("strategy", s.Strategy), Tag("account", s.Account))),
            unit: "USD", description: "A strategy's realised P&L in USD, before fees");
        Meter.CreateObservableGauge("bulkhead.strategy.pnl.unrealised", () => Strategies().Select(s => Measure(s.UnrealisedUsd, Tag("strategy", s.Strategy), Tag("account", s.Account))),
            unit: "USD", description: "A strategy's open positions valued at the marks, in USD");
        Meter.CreateObservableGauge("bulkhead.strategy.position", () => Strategies().SelectMany(s => s.Positions.Select(p => Measure(p.Value, Tag("strategy", s.Strategy), Tag("symbol", p.Key)))),
            description: "A strategy's signed position per symbol (base units or contracts)");
        Meter.CreateObservableGauge("bulkhead.strategy.drawdown", Drawdowns,
            unit: "USD", description: "A strategy's drawdown in USD: peak P&L minus P&L now, as its risk check sees it (the trader's heartbeat)");
        Meter.CreateObservableGauge("bulkhead.strategy.drawdown.limit", () => Limits().Select(l => Measure(l.Limit, Tag("strategy", l.Strategy.Name), Tag("account", l.Strategy.Account))),
            unit: "USD", description: "A strategy's max_drawdown_usd (its subaccount's risk limit)");
        Meter.CreateObservableGauge("bulkhead.strategy.drawdown.utilization", DrawdownUtilization,
            unit: "1", description: "A strategy's drawdown as a fraction of its max_drawdown_usd (1 = the risk check halts it)");
        Meter.CreateObservableGauge("bulkhead.market.mark", () => (Figures?.Marks ?? new Dictionary<string, decimal>()).Select(m => Measure(m.Value, Tag("symbol", m.Key))),
            unit: "USD", description: "The mark every P&L figure is valued at: Spot mid of Ticker, Futures markPrice");
    }

    private void CreateAccountInstruments()
    {
        Meter.CreateObservableGauge("bulkhead.account.equity", () => Accounts().Where(a => a.EquityUsd is not null).Select(a => Measure(a.EquityUsd!.Value, Tag("account", a.Account))),
            unit: "USD", description: "An account's equity in USD (balances at the marks; Futures: the flex wallet's portfolio value)");
        Meter.CreateObservableGauge("bulkhead.account.margin.level", () => Accounts().Where(a => a.MarginLevel is not null).Select(a => Measure(a.MarginLevel!.Value, Tag("account", a.Account))),
            unit: "1", description: "A Futures subaccount's margin level: portfolio value / maintenance margin (liquidation at 1)");
        Meter.CreateObservableGauge("bulkhead.rate.headroom", () => Accounts().SelectMany(a => new[]
            {
                a.SpotRestHeadroom is { } rest ? Measure(rest, Tag("account", a.Account), Tag("budget", "spot-rest")) : (Measurement<decimal>?)null,
                a.TradingHeadroom is { } trading ? Measure(trading, Tag("account", a.Account), Tag("budget", "trading")) : null,
            }.OfType<Measurement<decimal>>()),
            unit: "1", description: "The fraction left of an account's shared rate budget (1 = untouched): spot-rest (the REST counter), trading (the tightest trading counter)");
        Meter.CreateObservableGauge("bulkhead.rate.key.headroom", () => (Figures?.Keys ?? []).Select(k => Measure(k.SpotRestHeadroom, Tag("key", k.Key), Tag("account", k.Account), Tag("budget", "spot-rest"))),
            unit: "1", description: "The fraction left of a Spot key's own REST counter (Kraken counts it per key; 1 = untouched)");
        Meter.CreateObservableGauge("bulkhead.lease.held", () => (Figures?.Leases ?? []).Select(l => Measure(l.Held ? 1 : 0, Tag("key", l.Key))),
            description: "1 while a live process holds the key's lease (its nonce sequence)");
        Meter.CreateObservableGauge("bulkhead.lease.fencing_token", () => (Figures?.Leases ?? []).Select(l => Measure(l.FencingToken, Tag("key", l.Key))),
            description: "The fencing token of the key's lease (grows by one with every new holder)");
        Meter.CreateObservableGauge("bulkhead.lease.renewal.age", () => (Figures?.Leases ?? []).Where(l => l.RenewalAgeSeconds is not null).Select(l => Measure(l.RenewalAgeSeconds!.Value, Tag("key", l.Key))),
            unit: "s", description: "Seconds since the holder last renewed the key's lease (it expires 15 s after a renewal)");
        Meter.CreateObservableGauge("bulkhead.fees.volume_30d", () => Figures?.Volume30dUsd is { } v ? [Measure(v)] : Array.Empty<Measurement<decimal>>(),
            unit: "USD", description: "The consolidated 30-day volume (master and subaccounts) Kraken's fee tier is read from");
        Meter.CreateObservableGauge("bulkhead.fees.volume_to_next_tier", () => Figures?.VolumeToNextTierUsd is { } v ? [Measure(v)] : Array.Empty<Measurement<decimal>>(),
            unit: "USD", description: "The 30-day volume still needed to reach the next fee tier");
        Meter.CreateObservableGauge("bulkhead.reconciliation.differences", () => Figures?.Reconciliation?.Differences is { } d ? d.Select(a => Measure(a.Value, Tag("account", a.Key))) : [],
            unit: "{difference}", description: "Differences the supervisor's last reconciliation found per account (consolidated: the fleet-wide P&L check); absent after a failed run");
        Meter.CreateObservableCounter("bulkhead.reconciliation.runs", () => (Figures?.Reconciliation?.Runs ?? new Dictionary<string, long>()).Select(r => Measure(r.Value, Tag("outcome", r.Key))),
            unit: "{run}", description: "The supervisor's reconciliations by outcome: clean, differences, failed");
        Meter.CreateObservableGauge("bulkhead.exchange.reachable", () => Figures is { } f ? [Measure(f.ExchangeReachable ? 1 : 0)] : Array.Empty<Measurement<int>>(),
            description: "1 when the exchange answered the last public read (marks), 0 when it did not");
    }

    private IEnumerable<Measurement<double>> HeartbeatAges()
    {
        var now = _time.GetUtcNow();
        return _supervisor.Snapshot()
            .Where(p => p.State == ProcessState.Running && p.LastHeartbeat is not null)
            .Select(p => Measure(Math.Max(0d, Math.Round((now - p.LastHeartbeat!.Value).TotalSeconds, 3)), Tag("process", p.Process)));
    }

    private IEnumerable<Measurement<decimal>> Drawdowns() =>
        _supervisor.Snapshot().Where(p => p.Role == FleetRole.Trader && p.Strategy is not null && p.Heartbeat?.DrawdownUsd is not null)
            .Select(p => Measure(p.Heartbeat!.DrawdownUsd!.Value, Tag("strategy", p.Strategy), Tag("account", p.Account)));

    private IEnumerable<Measurement<decimal>> DrawdownUtilization()
    {
        var limits = Limits().ToDictionary(l => l.Strategy.Name, l => l.Limit, StringComparer.Ordinal);
        return _supervisor.Snapshot().Where(p => p.Role == FleetRole.Trader && p.Strategy is not null && p.Heartbeat?.DrawdownUsd is not null && limits.ContainsKey(p.Strategy))
            .Select(p => Measure(decimal.Round(p.Heartbeat!.DrawdownUsd!.Value / limits[p.Strategy!], 6), Tag("strategy", p.Strategy), Tag("account", p.Account)));
    }

    private IEnumerable<(Strategy Strategy, decimal Limit)> Limits() =>
        _manifest.Strategies.Select(s => (Strategy: s, Limit: _manifest.FindSubaccount(s.Account)?.Risk?.MaxDrawdownUsd))
            .Where(l => l.Limit is > 0m).Select(l => (l.Strategy, l.Limit!.Value));

    private IReadOnlyList<StrategyFigures> Strategies() => Figures?.Strategies ?? [];

    private IReadOnlyList<AccountFigures> Accounts() => Figures?.Accounts ?? [];

    private string KeyOf(string process) => _manifest.FindProcess(process)?.Key ?? string.Empty;

    private static bool GuardHalted(ProcessStatus process) =>
        process.Heartbeat?.Guard == "halted" || (process.State == ProcessState.Halted && process.LastExitCode == Worker.WorkerExitCodes.HaltedAuth);

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
