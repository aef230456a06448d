using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Cli.Commands;

/// <summary>Where the CLI finds a key: <c>--key-file</c> (JSON <c>{"key":"…","secret":"…"}</c>), else <c>KRAKEN_API_KEY</c>/<c>KRAKEN_API_SECRET</c>.</summary>
internal static class CredentialSources
{
    public const string KeyVariable = "KRAKEN_API_KEY";
    public const string SecretVariable = "KRAKEN_API_SECRET";

    public static bool TryLoad(CliEnvironment environment, FileInfo? keyFile, out KrakenCredentials? credentials, out string? problem)
    {
        credentials = null;
        string? key;
        string? secret;
        if (keyFile is not null)
        {
            if (!keyFile.Exists)
            {
                problem = $"key file {keyFile.FullName} does not exist";
                return false;
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(keyFile.FullName));
                key = document.RootElement.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
                secret = document.RootElement.TryGetProperty("secret", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            }
            catch (JsonException)
            {
                // The parser's message may quote the file's content, which holds the secret: say only where.
                problem = $"key file {keyFile.FullName} is not JSON of the form {{\"key\":\"…\",\"secret\":\"…\"}}";
                return false;
            }

            if (key is null || secret is null)
            {
                problem = $"key file {keyFile.FullName} needs string fields \"key\" and \"secret\"";
                return false;
            }
        }
        else
        {
            key = environment.GetVariable(KeyVariable);
            secret = environment.GetVariable(SecretVariable);
            if (string.IsNullOrEmpty(key) && string.IsNullOrEmpty(secret))
            {
                problem = $"this call needs a key: set {KeyVariable} and {SecretVariable}, or pass --key-file";
                return false;
            }
        }

        if (!KrakenCredentials.TryCreate(key, secret, out credentials, out KrakenError? error))
        {
            problem = error.Message;
            return false;
        }

        problem = null;
        return true;
    }
}
