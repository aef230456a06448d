using System.Text.Json;
using Bulkhead.Fleet.Treasury;

namespace Bulkhead.Cli.Commands;

internal static partial class TreasuryCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static void Print(CliEnvironment environment, TreasuryOperation operation)
    {
        environment.Out.WriteLine($"plan ({operation.Request.Kind.ToString().ToLowerInvariant()} on {operation.Request.Environment}, {operation.Steps.Length} step(s)):");
        foreach (var step in operation.Steps)
        {
            var state = step.State == TreasuryStepState.Planned ? string.Empty : $"  [{step.State.ToString().ToLowerInvariant()}{(step.RefId is { } r ? " " + r : string.Empty)}]";
            environment.Out.WriteLine($"  {step.Describe()}{state}");
        }
    }

    private static int ListJournal(CliEnvironment environment, string file, bool json)
    {
        if (FleetReadSupport.Load(environment, file, null) is not { } manifest)
        {
            return ExitCodes.Usage;
        }

        IReadOnlyList<TreasuryOperation> operations;
        try
        {
            using var journal = TreasuryJournal.Open(manifest.Fleet.Coordination, environment.Time, manifest.BaseDirectory);
            operations = journal.List();
        }
#pragma warning disable CA1031 // The store's failure is reported with its type; the journal is only read.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fail(environment, ExitCodes.CallFailed, $"cannot open the treasury journal in {manifest.Fleet.Coordination.Split(':')[0]} store ({ex.GetType().Name}: {ex.Message})");
        }

        if (json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(operations.Select(ToJson), Json));
            return ExitCodes.Success;
        }

        if (operations.Count == 0)
        {
            environment.Out.WriteLine("no treasury operations journaled");
        }

        foreach (var operation in operations)
        {
            environment.Out.WriteLine($"{operation.Id}  {operation.State.ToString().ToLowerInvariant()}  {operation.CreatedAt:O}  {operation.Request.Canonical}");
            foreach (var s in operation.Steps)
            {
                environment.Out.WriteLine($"  {s.Describe()}  {s.State.ToString().ToLowerInvariant()}  attempts {s.Attempts}  refid {s.RefId ?? "-"}  ledger {s.LedgerId ?? "-"}{(s.Recognised ? "  (recognised on rerun)" : string.Empty)}{(s.Error is { } e ? "  error " + e : string.Empty)}");
            }
        }

        return ExitCodes.Success;
    }

    private static object ToJson(TreasuryOperation o) => new
    {
        id = o.Id,
        kind = o.Request.Kind.ToString().ToLowerInvariant(),
        request = o.Request.Canonical,
        environment = o.Request.Environment,
        state = o.State.ToString().ToLowerInvariant(),
        createdAt = o.CreatedAt,
        finishedAt = o.FinishedAt,
        steps = o.Steps.Select(s => new
        {
            index = s.Index,
            kind = TreasuryStep.KindName(s.Kind),
            from = s.From,
            to = s.To,
            asset = s.Asset,
            amount = s.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            state = s.State.ToString().ToLowerInvariant(),
            attempts = s.Attempts,
            startedAt = s.StartedAt,
            cursor = s.Cursor?.ToString(),
            refId = s.RefId,
            ledgerId = s.LedgerId,
            recognised = s.Recognised,
            error = s.Error,
            doneAt = s.DoneAt,
        }),
    };

}
