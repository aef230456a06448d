using Bulkhead.Dashboard.Documents;
using Bulkhead.Dashboard.Sources;
using Bulkhead.Dashboard.Tree;
using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Fleet.Treasury;

namespace Bulkhead.Dashboard.View;

/// <summary>The tree (supervisor + leases + rate headroom + audit), the audit and the treasury parts.</summary>
internal sealed partial class FleetView
{
    private TreeDocument Tree(DateTimeOffset now, Reading<AuditRun> audit)
    {
        var supervised = _options.Supervisor.Snapshot().ToDictionary(s => s.Process, StringComparer.Ordinal);
        var leases = _store.Read(store => _manifest.Keys
            .Select(k => (k.Name, State: store.Describe(k.Name)))
            .Where(k => k.State is { Holder: not null, ExpiresAt: not null })
            .ToDictionary(k => k.Name, k => Lease(k.State!, now), StringComparer.Ordinal));
        var headroom = _store.Read(store => Accounts().Select(a =>
            {
                var pairs = _manifest.Strategies.Where(s => s.Account == a.Account).SelectMany(s => s.Pairs);
                var keys = _manifest.Keys.Where(k => k.Account == a.Account && k.Venue == Venue.Spot && k.IsIn(_environment)).Select(k => k.Name);
                return AccountBudgets.Read(store.RateLimits, _environment, a.Account, a.Venue, _manifest.Master.Tier, pairs, keys, _options.Time);
            }).ToList());
        var accounts = headroom.Value?.ToDictionary(h => h.Account, h => new RateHeadroomView(decimal.Round(h.Trading.Fraction, 4)), StringComparer.Ordinal);
        var keyRest = headroom.Value?.SelectMany(h => h.SpotRest).ToDictionary(k => k.Key, k => decimal.Round(k.Value.Fraction, 4), StringComparer.Ordinal);
        var master = FleetTree.Build(new TreeSources(
            _manifest,
            supervised,
            now,
            leases.Value ?? new Dictionary<string, LeaseView>(),
            accounts ?? new Dictionary<string, RateHeadroomView>(),
            keyRest ?? new Dictionary<string, decimal>(),
            audit.Value?.Findings ?? []));
        var errors = new[] { leases.Error, headroom.Ok ? null : headroom.Error, audit.Error }.Where(e => e is not null).Distinct().ToList();
        return new TreeDocument(master, errors.Count == 0 ? null : string.Join("; ", errors));
    }

    private static LeaseView Lease(LeaseState state, DateTimeOffset now)
    {
        var holder = state.Holder!;
        var renewed = state.ExpiresAt!.Value - ProcessSessionOptions.DefaultLeaseTtl;
        return new LeaseView(
            $"{holder.Process}@{holder.Host}#{holder.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            holder.Host,
            holder.Pid,
            state.FencingToken,
            Math.Round(Math.Max(0, (now - renewed).TotalSeconds), 1),
            state.ExpiresAt,
            state.NonceMark);
    }

    private static AuditPart Audit(Reading<AuditRun> audit) =>
        audit.Ok
            ? new AuditPart([.. audit.Value!.Findings.Select(f => new FindingView(Severity(f.Severity), f.Code, f.Subject, f.Message, f.Fix))], audit.Value.Time, null)
            : new AuditPart([], null, audit.Error);

    private static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    private TreasuryPart Treasury()
    {
        var operations = _treasury.Read(j => j.List());
        return operations.Ok
            ? new TreasuryPart([.. operations.Value!.OrderByDescending(o => o.CreatedAt).Select(Operation)], null)
            : new TreasuryPart([], operations.Error);
    }

    private OperationsPart Operations()
    {
        var pulled = _options.Supervisor.KillSwitch is { } k ? new KillSwitchView(k.At, k.By) : null;
        if (_options.Operator is not { } fleetOperator)
        {
            return new OperationsPart(pulled, [], null);
        }

        try
        {
            return new OperationsPart(pulled, fleetOperator.Recent(20), null);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            return new OperationsPart(pulled, [], $"operator journal: {e.GetType().Name}: {e.Message}");
        }
    }

    private static TreasuryOperationView Operation(TreasuryOperation operation)
    {
        var request = operation.Request;
        return new TreasuryOperationView(
            operation.Id,
            new TreasuryRequestView(request.Kind.ToString().ToLowerInvariant(), request.Environment, request.From, request.To, request.Asset, request.Amount, request.Keep),
            operation.CreatedAt,
            operation.State.ToString().ToLowerInvariant(),
            operation.FinishedAt,
            [.. operation.Steps.Select(s => new TreasuryStepView(
                s.Index, TreasuryStep.KindName(s.Kind), s.From, s.To, s.Asset, s.Amount, s.State.ToString().ToLowerInvariant(), s.Attempts, s.StartedAt, s.RefId, s.LedgerId, s.Recognised, s.Error, s.DoneAt))]);
    }
}
