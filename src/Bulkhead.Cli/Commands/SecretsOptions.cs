using System.CommandLine;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Secrets;

namespace Bulkhead.Cli.Commands;

/// <summary>Where a <c>secrets</c> command finds the secrets file and its key.</summary>
internal sealed class SecretsOptions
{
    public const string FileVariable = "BULKHEAD_SECRETS_FILE";

    public Option<string?> File { get; } = new("--file") { Description = "The secrets file (default: the manifest's with --fleet, else BULKHEAD_SECRETS_FILE, else ./secrets.enc)." };

    public Option<string?> Fleet { get; } = new("--fleet") { Description = "A fleet manifest: use its [fleet] secrets file." };

    public Option<string?> KeyFile { get; } = new("--secrets-key-file") { Description = "The file key's file (default: BULKHEAD_SECRETS_KEY, else secrets.key beside the secrets file)." };

    public void AddTo(Command command)
    {
        command.Options.Add(File);
        command.Options.Add(Fleet);
        command.Options.Add(KeyFile);
    }

    /// <summary>The secrets file's path, or a problem (exit 2).</summary>
    public string? SecretsPath(CliEnvironment environment, ParseResult parse, out string? problem)
    {
        problem = null;
        if (parse.GetValue(File) is { } file)
        {
            return Path.GetFullPath(file);
        }

        if (parse.GetValue(Fleet) is { } fleet)
        {
            var loaded = ManifestLoader.Load(fleet);
            if (!loaded.IsValid)
            {
                problem = $"the manifest {fleet} is invalid ({loaded.Problems.Length} problems); check it with bulkhead audit {fleet}";
                return null;
            }

            return SecretResolver.SecretsPath(loaded.Manifest);
        }

        return Path.GetFullPath(environment.GetVariable(FileVariable) is { Length: > 0 } variable ? variable : "secrets.enc");
    }

    /// <summary>The file key; announces a newly created key file on stderr.</summary>
    /// <exception cref="SecretsException">No usable key.</exception>
    public SecretsKey Key(CliEnvironment environment, ParseResult parse, string secretsPath, bool create)
    {
        var keyFile = parse.GetValue(KeyFile) is { } k ? Path.GetFullPath(k) : SecretsKey.DefaultKeyFile(secretsPath);
        var key = SecretsKey.Resolve(environment.GetVariable, keyFile, create, out var created);
        if (created)
        {
            environment.Error.WriteLine($"bulkhead: created the secrets key file {keyFile} (mode 0600). Back it up and keep it apart from {Path.GetFileName(secretsPath)}: without it the secrets cannot be read.");
        }

        return key;
    }
}
