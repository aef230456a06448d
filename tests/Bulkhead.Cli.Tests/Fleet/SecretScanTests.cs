using System.Security.Cryptography;
using System.Text;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Fleet;

/// <summary>
/// Issue 7's "secrets never appear in any output": provision a fleet on a real sandbox, run every command that touches a
/// secret (success and error paths), then scan everything printed, everything the sandbox logged, the call journal and
/// every file the fleet left on disk (except the encrypted secrets file) for each secret and each 16-character piece of it.
/// </summary>
public sealed class SecretScanTests : IAsyncLifetime
{
    private const int Fragment = 16;
    private ProvisionedFleet _sandbox = null!;

    public async ValueTask InitializeAsync() => _sandbox = await ProvisionedFleet.StartAsync();

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task EveryCommandTouchingSecrets_PrintsLogsAndJournalsNoSecret()
    {
        var env = _sandbox.Environment();
        var manifest = _sandbox.Manifest;
        var runs = new List<CliRun>();
        async Task<CliRun> Run(string? input, params string[] arguments)
        {
            var run = await CliProcess.RunWithInputAsync(env, input, arguments);
            runs.Add(run);
            return run;
        }

        (await Run(null, "sandbox", "provision", manifest)).ExitCode.ShouldBe(0);
        (await Run(null, "sandbox", "provision", manifest)).ExitCode.ShouldBe(0);
        (await Run(null, "secrets", "list", "--fleet", manifest)).ExitCode.ShouldBe(0);
        (await Run(null, "secrets", "list", "--fleet", manifest, "--json")).ExitCode.ShouldBe(0);

        var extraKey = "KEXTRA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var extraSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var rotatedSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var badSecret = "NOTBASE64-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)) + "!!";
        (await Run(extraSecret + "\n", "secrets", "set", "extra", "--key", extraKey, "--secret-stdin", "--fleet", manifest)).ExitCode.ShouldBe(0);
        (await Run(extraSecret + "\n", "secrets", "set", "extra", "--key", extraKey, "--fleet", manifest)).ExitCode.ShouldBe(2); // exists
        (await Run($"{extraKey}2\n{rotatedSecret}\n", "secrets", "rotate", "extra", "--fleet", manifest)).ExitCode.ShouldBe(0);
        (await Run(badSecret + "\n", "secrets", "set", "bad", "--key", extraKey, "--fleet", manifest)).ExitCode.ShouldBe(2);
        (await Run(null, "secrets", "set", "empty", "--key", extraKey, "--fleet", manifest)).ExitCode.ShouldBe(2);
        var wrongKey = await CliProcess.RunWithInputAsync(_sandbox.Environment(("BULKHEAD_SECRETS_KEY", Convert.ToBase64String(new byte[32]))), null, "secrets", "list", "--fleet", manifest);
        runs.Add(wrongKey);
        wrongKey.ExitCode.ShouldBe(2);
        wrongKey.Error.ShouldContain("wrong key");

        var balance = await Run(null, "api", "spot", "Balance", "--fleet", manifest, "--process", "mm-trader");
        balance.ExitCode.ShouldBe(0, balance.Error);
        (await Run(null, "api", "spot", "AddOrder", "pair=XBTUSD", "type=buy", "ordertype=limit", "volume=0.0001", "price=1", "--fleet", manifest, "--process", "mm-trader")).ExitCode.ShouldBeOneOf(0, 1);
        (await Run(null, "api", "spot", "Withdraw", "asset=ZUSD", "key=x", "amount=1", "--fleet", manifest, "--process", "dashboard")).ExitCode.ShouldBe(1); // permission denied
        var futures = await Run(null, "api", "futures", "GET", "accounts", "--fleet", manifest, "--process", "hedge-reconciler");
        futures.ExitCode.ShouldBe(0, futures.Error);
        await Run(null, "audit", manifest, "--usage", _sandbox.Journal);

        var secrets = ProvisionedFleet.ReadSecrets(_sandbox.SecretsFile, Convert.FromBase64String(File.ReadAllText(Path.ChangeExtension(_sandbox.SecretsFile, ".key")).Trim()));
        secrets.Count.ShouldBe(14); // thirteen manifest keys and "extra"
        secrets.ShouldContain(rotatedSecret);
        var scanned = new List<(string Where, string Text)>();
        scanned.AddRange(runs.Select((r, i) => ($"run {i} stdout+stderr", r.Out + "\n" + r.Error)));
        scanned.Add(("sandbox log", string.Join('\n', _sandbox.Logs.Collector.GetSnapshot().Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception}"))));
        foreach (var file in Directory.EnumerateFiles(_sandbox.Folder, "*", SearchOption.AllDirectories).Where(f => f != _sandbox.SecretsFile && f != Path.ChangeExtension(_sandbox.SecretsFile, ".key")))
        {
            scanned.Add((file, Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken))));
        }

        var journal = string.Join('\n', Directory.GetFiles(_sandbox.Journal, "calls-*.jsonl").Select(File.ReadAllText));
        journal.ShouldContain("\"key\":\"mm-trader\"");
        journal.ShouldContain("\"endpoint\":\"Balance\"");

        foreach (var secret in secrets.Append(extraSecret).Append(badSecret))
        {
            foreach (var (where, text) in scanned)
            {
                for (var i = 0; i + Fragment <= secret.Length; i++)
                {
                    var piece = secret.Substring(i, Fragment);
                    text.Contains(piece, StringComparison.Ordinal).ShouldBeFalse($"a {Fragment}-character piece of a secret appears in {where}");
                }
            }
        }

        foreach (var run in runs)
        {
            (run.Out + run.Error).ShouldNotContain(extraKey, customMessage: "CLI output shows API keys masked only");
        }
    }
}
