using System.CommandLine;
using System.Globalization;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Fleet.Treasury;

namespace Bulkhead.Cli.Commands;

internal static partial class TreasuryCommand
{
    private static async Task<int> PlanAndRunAsync(CliEnvironment environment, Options o, ParseResult parse, TreasuryOperationKind kind, string? to, string? asset, decimal? amount, decimal? keep, CancellationToken ct)
    {
        if (FleetReadSupport.Load(environment, parse.GetValue(o.File)!, null) is not { } manifest)
        {
            return ExitCodes.Usage;
        }

        var envName = parse.GetValue(o.Env) ?? manifest.Fleet.DefaultEnvironment;
        if (manifest.FindEnvironment(envName) is not { } fleetEnvironment)
        {
            return Fail(environment, ExitCodes.Usage, $"the manifest has no environment '{envName}': use one of {string.Join(", ", manifest.Environments.Select(e => e.Name))}");
        }

        var yes = parse.GetValue(o.Yes);
        var request = new TreasuryRequest(kind, envName, parse.GetValue(o.From)!, kind == TreasuryOperationKind.Sweep ? manifest.Master.Name : to!, asset, amount, keep);
        return await GuardAsync(environment, async () =>
        {
            using var journal = TreasuryJournal.Open(manifest.Fleet.Coordination, environment.Time, manifest.BaseDirectory);
            var unfinished = journal.Unfinished();
            if (unfinished.FirstOrDefault(op => op.Request == request) is { } same)
            {
                environment.Out.WriteLine($"operation {same.Id} ({same.Request.Canonical}) is unfinished: continuing it, not starting another");
                Print(environment, same);
                return yes ? await RunAsync(environment, manifest, journal, same, ct).ConfigureAwait(false) : NothingDone(environment);
            }

            if (unfinished.Count > 0)
            {
                return Fail(environment, ExitCodes.CallFailed, $"operation {unfinished[0].Id} ({unfinished[0].Request.Canonical}) is unfinished: run `bulkhead treasury resume {manifest.SourceFile}` first");
            }

            if (kind != TreasuryOperationKind.Withdraw && !manifest.IsMaster(request.To) && manifest.FindSubaccount(request.To) is null)
            {
                throw new TreasuryPlanException($"--to '{request.To}' is not an account of {Path.GetFileName(manifest.SourceFile)}: use {manifest.Master.Name} (the master) or a subaccount ({string.Join(", ", manifest.Subaccounts.Select(s => s.Name))})");
            }

            using var connection = new TreasuryConnection(manifest, FleetReadSupport.Options(environment, envName), TreasuryConnection.InvolvesFutures(manifest, request.From, request.To));
            var available = await connection.AvailableAsync(request.From, ct).ConfigureAwait(false);
            var steps = TreasuryPlanner.Plan(manifest, request, available);
            var operation = new TreasuryOperation(NewId(environment.Time), request, environment.Time.GetUtcNow(), steps);
            Print(environment, operation);
            if (steps.IsEmpty)
            {
                environment.Out.WriteLine("nothing to do");
                return ExitCodes.Success;
            }

            await connection.IibansAsync(steps.Where(s => s.Kind == TreasuryStepKind.SpotTransfer).SelectMany(s => new[] { s.From, s.To }), ct).ConfigureAwait(false);
            if (!yes)
            {
                if (fleetEnvironment.Kind == EnvironmentKind.Production && kind == TreasuryOperationKind.Withdraw)
                {
                    return Fail(environment, ExitCodes.Usage, $"production: a withdrawal runs only with --yes; nothing done");
                }

                return NothingDone(environment);
            }

            journal.Create(operation);
            environment.Out.WriteLine($"journaled operation {operation.Id} in {journal.Location}");
            return await RunAsync(environment, manifest, journal, operation, ct, connection).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static async Task<int> ResumeAsync(CliEnvironment environment, string file, string? env, CancellationToken ct)
    {
        if (FleetReadSupport.Load(environment, file, null) is not { } manifest)
        {
            return ExitCodes.Usage;
        }

        return await GuardAsync(environment, async () =>
        {
            using var journal = TreasuryJournal.Open(manifest.Fleet.Coordination, environment.Time, manifest.BaseDirectory);
            var unfinished = journal.Unfinished();
            if (unfinished.Count == 0)
            {
                environment.Out.WriteLine("nothing to resume: every treasury operation is finished");
                return ExitCodes.Success;
            }

            foreach (var operation in unfinished)
            {
                if (env is not null && operation.Request.Environment != env)
                {
                    continue;
                }

                environment.Out.WriteLine($"resuming operation {operation.Id} ({operation.Request.Canonical})");
                Print(environment, operation);
                var code = await RunAsync(environment, manifest, journal, operation, ct).ConfigureAwait(false);
                if (code != ExitCodes.Success)
                {
                    return code;
                }
            }

            return ExitCodes.Success;
        }).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(CliEnvironment environment, FleetManifest manifest, TreasuryJournal journal, TreasuryOperation operation, CancellationToken ct, TreasuryConnection? open = null)
    {
        var env = operation.Request.Environment;
        var needsFutures = operation.Steps.Any(s => s.Kind is TreasuryStepKind.FuturesSubaccountTransfer or TreasuryStepKind.FuturesToSpot);
        using var owned = open is null ? new TreasuryConnection(manifest, FleetReadSupport.Options(environment, env), needsFutures) : null;
        var connection = open ?? owned!;
        var iibans = await connection.IibansAsync(operation.Steps.Where(s => s.Kind == TreasuryStepKind.SpotTransfer).SelectMany(s => new[] { s.From, s.To }), ct).ConfigureAwait(false);
        var exchange = new KrakenTreasuryExchange(manifest.Master.Name, connection.Spot, connection.Futures, (account, _) => Task.FromResult(iibans[account]));
        var runner = new TreasuryRunner(journal, exchange, environment.Time)
        {
            Report = line => environment.Out.WriteLine(line),
            Pause = PauseHook(environment),
        };
        var result = await runner.RunAsync(operation.Id, ct).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case TreasuryCallResult.Done:
                environment.Out.WriteLine($"operation {operation.Id} done");
                return ExitCodes.Success;
            case TreasuryCallResult.Refused:
                return Fail(environment, ExitCodes.CallFailed, $"operation {operation.Id} stopped: the exchange refused step {result.Operation.NextStep?.Index} ({result.Message}); nothing moved in that step — fix the cause, then `bulkhead treasury resume {manifest.SourceFile}`");
            default:
                return Fail(environment, ExitCodes.CallFailed, $"operation {operation.Id} stopped: step {result.Operation.NextStep?.Index} has no clear answer ({result.Message}); `bulkhead treasury resume {manifest.SourceFile}` looks it up before repeating anything");
        }
    }

    private static Func<TreasuryStep, TreasuryPausePoint, CancellationToken, Task>? PauseHook(CliEnvironment environment)
    {
        var afterStep = Number(environment.GetVariable(PauseAfterStepVariable));
        var afterCall = Number(environment.GetVariable(PauseAfterCallVariable));
        if (afterStep is null && afterCall is null)
        {
            return null;
        }

        return async (step, point, ct) =>
        {
            var (wanted, variable) = point == TreasuryPausePoint.AfterStep ? (afterStep, PauseAfterStepVariable) : (afterCall, PauseAfterCallVariable);
            if (wanted == step.Index)
            {
                environment.Out.WriteLine($"treasury: paused after step {step.Index} ({variable}, a test hook)");
                environment.Out.Flush();
                await Task.Delay(Timeout.InfiniteTimeSpan, environment.Time, ct).ConfigureAwait(false);
            }
        };

        static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static async Task<int> GuardAsync(CliEnvironment environment, Func<Task<int>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (TreasuryPlanException ex)
        {
            return Fail(environment, ExitCodes.Usage, ex.Message);
        }
        catch (ProcessSessionException ex)
        {
            return Fail(environment, ex.Failure switch
            {
                ProcessSessionFailure.KeyUnavailable => ExitCodes.KeyUnavailable,
                ProcessSessionFailure.StoreUnavailable => ExitCodes.CallFailed,
                _ => ExitCodes.Usage,
            }, ex.Message);
        }
        catch (TreasuryExchangeException ex)
        {
            return Fail(environment, ExitCodes.CallFailed, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return Fail(environment, ExitCodes.CallFailed, $"the exchange could not be reached ({ex.Message}); nothing new was started");
        }
    }

    private static string NewId(TimeProvider time) =>
        "tr-" + time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    private static int NothingDone(CliEnvironment environment)
    {
        environment.Out.WriteLine("nothing done; rerun with --yes");
        return ExitCodes.Success;
    }

    private static int Fail(CliEnvironment environment, int code, string message)
    {
        environment.Error.WriteLine($"error: {message}");
        return code;
    }
}
