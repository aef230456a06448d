using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bulkhead.Fleet.Secrets;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead secrets set|list|rotate</c>: the encrypted secrets file. Secrets are read from standard input only (see
/// <see cref="SecretsInput"/>); nothing here ever prints a secret.
/// </summary>
internal static class SecretsCommand
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliEnvironment environment)
    {
        var secrets = new Command("secrets", "Keep API keys and secrets in an encrypted file (AES-256-GCM; the file key from BULKHEAD_SECRETS_KEY or a 0600 key file).");
        secrets.Subcommands.Add(CreateSet(environment, rotate: false));
        secrets.Subcommands.Add(CreateSet(environment, rotate: true));
        secrets.Subcommands.Add(CreateList(environment));
        return secrets;
    }

    private static Command CreateSet(CliEnvironment environment, bool rotate)
    {
        var name = new Argument<string>("NAME") { Description = "The entry's name: the manifest's key name (secret = \"store:NAME\")." };
        var key = new Option<string?>("--key") { Description = "The public API key (not secret). Without it, stdin's first line is the key and its second the secret." };
        var secretStdin = new Option<bool>("--secret-stdin") { Description = "Read the secret from stdin without prompting (the default when stdin is not a terminal). Secrets are never taken from the command line: ps shows every argument." };
        var options = new SecretsOptions();
        var command = rotate
            ? new Command("rotate", "Replace an entry's key and secret (from stdin); its creation date is kept and the rotation dated.") { name, key, secretStdin }
            : new Command("set", "Add an entry: its API key (--key or stdin) and its secret (stdin). Creates the file, and the key file when no key is set.") { name, key, secretStdin };
        options.AddTo(command);
        command.SetAction((parse, ct) => SetAsync(environment, options, parse.GetValue(name)!, parse.GetValue(key), rotate, parse, ct));
        return command;
    }

    private static async Task<int> SetAsync(CliEnvironment environment, SecretsOptions options, string name, string? apiKey, bool rotate, ParseResult parse, CancellationToken cancellationToken)
    {
        if (!SecretsFile.IsValidName(name))
        {
            return Fail(environment, $"'{name}' cannot name a secret: use 1-64 of letters, digits, '.', '_' and '-' (the manifest's key name)");
        }

        var path = options.SecretsPath(environment, parse, out var problem);
        if (path is null)
        {
            return Fail(environment, problem!);
        }

        apiKey ??= SecretsInput.ReadLine(environment, $"API key for {name}: ");
        var secret = SecretsInput.ReadLine(environment, $"API secret for {name} (not shown): ");
        if (string.IsNullOrEmpty(apiKey) || string.IsNullOrEmpty(secret))
        {
            return Fail(environment, $"no {(string.IsNullOrEmpty(apiKey) ? "API key" : "secret")} for {name}: give the key with --key (or as stdin's first line) and the secret on stdin, e.g. printf '%s\\n' \"$SECRET\" | bulkhead secrets {(rotate ? "rotate" : "set")} {name} --key KEY");
        }

        if (!KrakenCredentials.TryCreate(apiKey, secret, out _, out var error))
        {
            return Fail(environment, $"{name}: {error.Message}");
        }

        try
        {
            var fileKey = options.Key(environment, parse, path, create: !rotate);
            using var file = await SecretsFile.OpenForUpdateAsync(path, fileKey, environment.Time, LockWait, cancellationToken).ConfigureAwait(false);
            var entry = rotate
                ? file.Rotate(name, apiKey, secret, environment.Time.GetUtcNow())
                : file.Add(name, apiKey, secret, environment.Time.GetUtcNow());
            file.Save();
            await environment.Out.WriteLineAsync(rotate
                ? $"rotated {name} ({entry.MaskedApiKey}) in {path}; created {Date(entry.Created)}, rotations {entry.EarlierRotations.Length + 1}"
                : $"stored {name} ({entry.MaskedApiKey}) in {path}").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (SecretsException e)
        {
            return Fail(environment, e.Message);
        }
    }

    private static Command CreateList(CliEnvironment environment)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var options = new SecretsOptions();
        var command = new Command("list", "List the entries: name, masked API key, created and rotated dates. Never a secret.") { json };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var path = options.SecretsPath(environment, parse, out var problem);
            if (path is null)
            {
                return Fail(environment, problem!);
            }

            try
            {
                if (!File.Exists(path))
                {
                    await environment.Error.WriteLineAsync($"bulkhead: {path} does not exist yet: no secrets (add one with bulkhead secrets set NAME)").ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                var file = SecretsFile.Open(path, options.Key(environment, parse, path, create: false));
                await environment.Out.WriteLineAsync(parse.GetValue(json) ? Json(file) : Table(file)).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (SecretsException e)
            {
                return Fail(environment, e.Message);
            }
        });
        return command;
    }

    private static string Table(SecretsFile file)
    {
        var rows = file.Entries.Select(e => new[] { e.Name, e.MaskedApiKey, Date(e.Created), e.Rotated is { } r ? Date(r) : "never", (e.EarlierRotations.Length + (e.Rotated is null ? 0 : 1)).ToString(CultureInfo.InvariantCulture) }).ToList();
        rows.Insert(0, ["NAME", "API KEY", "CREATED", "ROTATED", "ROTATIONS"]);
        var widths = Enumerable.Range(0, 5).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var lines = rows.Select(r => string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        return $"{file.Path}: {file.Entries.Count} entries\n{string.Join('\n', lines)}";
    }

    private static string Json(SecretsFile file) => JsonSerializer.Serialize(
        file.Entries.Select(e => new
        {
            name = e.Name,
            apiKey = e.MaskedApiKey,
            created = e.Created,
            rotated = e.Rotated,
            earlierRotations = e.EarlierRotations,
        }),
        Indented);

    private static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static int Fail(CliEnvironment environment, string problem)
    {
        environment.Error.WriteLine($"bulkhead: {problem}");
        return ExitCodes.Usage;
    }
}
