using System.Text.Json;
using System.Text.Json.Serialization;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Kraken.Errors;
using Spectre.Console;

namespace Bulkhead.Cli.Commands;

/// <summary>What <c>bulkhead report</c> and <c>bulkhead reconcile</c> share: loading the manifest, the session options, failures → exit codes.</summary>
internal static class FleetReadSupport
{
    /// <summary>Exit code when the exchange or the journal could not be read (the message says which call failed).</summary>
    public const int ReadFailed = 4;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static FleetManifest? Load(CliEnvironment environment, string path, string? env)
    {
        var result = ManifestLoader.Load(path);
        if (!result.IsValid)
        {
            foreach (var problem in result.Problems)
            {
                environment.Error.WriteLine(problem.ToString());
            }

            environment.Error.WriteLine($"{result.Problems.Length} problem(s) in {path}; nothing was done.");
            return null;
        }

        var manifest = result.Manifest!;
        if (env is not null && manifest.FindEnvironment(env) is null)
        {
            environment.Error.WriteLine($"{manifest.SourceFile}: error: no environment \"{env}\" — fix: use one of {string.Join(", ", manifest.Environments.Select(e => e.Name))}");
            return null;
        }

        return manifest;
    }

    public static ProcessSessionOptions Options(CliEnvironment environment, string? env) => new()
    {
        Time = environment.Time,
        GetVariable = environment.GetVariable,
        Environment = env,
    };

    /// <summary>Runs <paramref name="work"/>, mapping the failures of reading the fleet to exit codes (2 configuration, 3 key held, 4 read failed).</summary>
    public static async Task<int> GuardAsync(CliEnvironment environment, string what, Func<Task<int>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (ProcessSessionException ex)
        {
            environment.Error.WriteLine($"bulkhead {what}: {ex.Message}");
            return ex.Failure switch
            {
                ProcessSessionFailure.KeyUnavailable => ExitCodes.KeyUnavailable,
                ProcessSessionFailure.StoreUnavailable => ReadFailed,
                _ => ExitCodes.Usage,
            };
        }
        catch (KrakenException ex)
        {
            environment.Error.WriteLine($"bulkhead {what}: the exchange refused a read: {ex.Message}");
            return ReadFailed;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or System.Data.Common.DbException or IOException or ArgumentException)
        {
            environment.Error.WriteLine($"bulkhead {what}: {ex.GetType().Name}: {ex.Message}");
            return ReadFailed;
        }
    }

    /// <summary>A console writing plain text to <paramref name="output"/> (no colours: output is parsed and piped).</summary>
    public static IAnsiConsole Console(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        return console;
    }

    public static string Usd(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A USD figure for people: rounded half away from zero to the exchange's booking unit (4 decimals).</summary>
    public static string BookedUsd(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
