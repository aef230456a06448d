using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Planning;
using Spectre.Console;

namespace Bulkhead.Cli.Commands;

/// <summary><c>bulkhead audit</c> and <c>bulkhead plan</c>: check a fleet manifest, and turn it into the production checklist.</summary>
internal static class FleetCommands
{
    /// <summary>Exit code of <c>audit</c> when it found something (errors or warnings).</summary>
    public const int Findings = 1;

    /// <summary>Exit code when the manifest is invalid (every problem is printed).</summary>
    public const int InvalidManifest = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static Command CreateAudit(CliEnvironment environment)
    {
        var file = new Argument<string>("MANIFEST") { Description = "The fleet manifest, e.g. fleet.toml." };
        var usage = new Option<string?>("--usage") { Description = "A call-journal folder (*.jsonl): also flag unused permissions and unexpected hosts or processes." };
        var json = new Option<bool>("--json") { Description = "Print the findings as JSON." };
        var expiryDays = new Option<int?>("--expiry-days") { Description = "Flag keys expiring within this many days (default: the manifest's expiry_warning_days)." };
        var env = new Option<string?>("--env") { Description = "Audit only this environment's keys (default: every environment)." };
        var asOf = new Option<string?>("--as-of") { Description = "Check expiry and rotation as of this date (YYYY-MM-DD; default: today)." };
        var command = new Command("audit", "Audit a fleet manifest: exit 0 clean, 1 findings, 2 invalid manifest.") { file, usage, json, expiryDays, env, asOf };
        command.SetAction(parse =>
        {
            if (FleetReadSupport.Load(environment, parse.GetValue(file)!, null) is not { } manifest)
            {
                return InvalidManifest;
            }

            var environmentName = parse.GetValue(env);
            if (environmentName is not null && manifest.FindEnvironment(environmentName) is null)
            {
                environment.Error.WriteLine($"{manifest.SourceFile}: error: no environment \"{environmentName}\" — fix: use one of {string.Join(", ", manifest.Environments.Select(e => e.Name))}");
                return InvalidManifest;
            }

            var journalProblems = new List<Finding>();
            IReadOnlyList<CallRecord>? records = null;
            if (parse.GetValue(usage) is { } folder)
            {
                var (read, problems) = CallJournal.Read(folder);
                records = read;
                journalProblems.AddRange(problems);
            }

            var time = environment.Time;
            if (parse.GetValue(asOf) is { } date)
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                {
                    environment.Error.WriteLine($"error: --as-of \"{date}\" is not a date — fix: write YYYY-MM-DD, e.g. --as-of 2027-01-31");
                    return ExitCodes.Usage;
                }

                time = new FixedTime(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            }

            var findings = new FleetAuditor(time)
                .Audit(manifest, new AuditOptions { Environment = environmentName, ExpiryWarningDays = parse.GetValue(expiryDays), Usage = records })
                .Concat(journalProblems).ToList();
            if (parse.GetValue(json))
            {
                environment.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    manifest = manifest.SourceFile,
                    clean = findings.All(f => f.Severity == FindingSeverity.Info),
                    findings = findings.Select(f => new { severity = f.Severity, f.Code, f.Subject, file = f.Location.File, line = f.Location.Line, column = f.Location.Column, f.Message, f.Fix }),
                }, Json));
            }
            else
            {
                Table(environment, manifest, findings);
            }

            return findings.Any(f => f.Severity != FindingSeverity.Info) ? Findings : ExitCodes.Success;
        });
        return command;
    }

    public static Command CreatePlan(CliEnvironment environment)
    {
        var file = new Argument<string>("MANIFEST") { Description = "The fleet manifest, e.g. fleet.toml." };
        var env = new Option<string>("--env") { Description = "The environment to plan for.", DefaultValueFactory = _ => "production" };
        var json = new Option<bool>("--json") { Description = "Print the checklist as JSON." };
        var command = new Command("plan", "Print the exact checklist to set the fleet up by hand (production: keys cannot be created by API).") { file, env, json };
        command.SetAction(parse =>
        {
            if (FleetReadSupport.Load(environment, parse.GetValue(file)!, null) is not { } manifest)
            {
                return InvalidManifest;
            }

            var name = parse.GetValue(env)!;
            if (manifest.FindEnvironment(name) is null)
            {
                environment.Error.WriteLine($"{manifest.SourceFile}: error: no environment \"{name}\" — fix: use one of {string.Join(", ", manifest.Environments.Select(e => e.Name))}");
                return InvalidManifest;
            }

            var plan = ProductionPlan.Build(manifest, name);
            try
            {
                plan = plan with { Gate = RehearsalSupport.Verdict(environment, manifest, name) };
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or System.Data.Common.DbException)
            {
                environment.Error.WriteLine($"bulkhead plan: the coordination store ({manifest.Fleet.Coordination}) cannot be read for the production gate: {e.Message}");
            }

            environment.Out.Write(parse.GetValue(json) ? JsonSerializer.Serialize(plan, Json) + Environment.NewLine : plan.ToText());
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Table(CliEnvironment environment, FleetManifest manifest, List<Finding> findings)
    {
        if (findings.Count == 0)
        {
            environment.Out.WriteLine($"{manifest.SourceFile}: clean — {manifest.Keys.Length} keys, {manifest.Processes.Length} processes, no findings.");
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        var table = new Table().AddColumns("severity", "code", "subject", "where", "message", "fix");
        foreach (var f in findings)
        {
            table.AddRow(Markup.Escape(f.Severity.ToString().ToLowerInvariant()), Markup.Escape(f.Code), Markup.Escape(f.Subject), Markup.Escape(f.Location.ToString()), Markup.Escape(f.Message), Markup.Escape(f.Fix));
        }

        console.Write(table);
        environment.Out.WriteLine($"{findings.Count(f => f.Severity == FindingSeverity.Error)} error(s), {findings.Count(f => f.Severity == FindingSeverity.Warning)} warning(s), {findings.Count(f => f.Severity == FindingSeverity.Info)} info.");
    }

    /// <summary>A clock stopped at <c>--as-of</c>.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
