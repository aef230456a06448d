using System.Diagnostics;
using System.Text;
using Bulkhead.Kraken.Signing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Signing;

/// <summary>Vectors computed outside .NET (node:crypto, and ccxt's own sign() where the source says so).</summary>
public sealed class SigningVectorTests
{
    public static TheoryData<string> SpotNames => new(SigningVectors.Loaded.Spot.Select(v => v.Name));

    public static TheoryData<string> FuturesNames => new(SigningVectors.Loaded.Futures.Select(v => v.Name));

    [Fact]
    public void Fixture_Loaded_CoversEmptyNonAsciiLongAndCcxtCases()
    {
        var vectors = SigningVectors.Loaded;

        vectors.Spot.ShouldContain(v => v.Body.Length == 0);
        vectors.Spot.ShouldContain(v => v.Body.Any(c => c > 127));
        vectors.Spot.ShouldContain(v => v.Nonce.Length + Encoding.UTF8.GetByteCount(v.Body) > 1024);
        vectors.Spot.ShouldContain(v => v.Source.StartsWith("ccxt", StringComparison.Ordinal));
        vectors.Futures.ShouldContain(v => v.PostData.Length == 0);
        vectors.Futures.ShouldContain(v => v.PostData.Any(c => c > 127));
        vectors.Futures.ShouldContain(v => Encoding.UTF8.GetByteCount(v.PostData) > 1024);
        vectors.Futures.ShouldContain(v => v.Source.StartsWith("ccxt", StringComparison.Ordinal));
        vectors.Spot.Select(v => v.Name).ShouldBeUnique();
        vectors.Futures.Select(v => v.Name).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(SpotNames))]
    public void SpotSigner_FixtureVector_Reproduces(string name)
    {
        var v = SigningVectors.Loaded.Spot.Single(x => x.Name == name);
        var credentials = KrakenCredentials.Create("fixture-key", v.Secret);
        var body = Encoding.UTF8.GetBytes(v.Body);

        SpotSigner.Sign(credentials, v.Path, long.Parse(v.Nonce), body).ShouldBe(v.ApiSign, v.Source);
        SpotSigner.Verify(Convert.FromBase64String(v.Secret), v.Path, v.Nonce, body, v.ApiSign).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(FuturesNames))]
    public void FuturesSigner_FixtureVector_Reproduces(string name)
    {
        var v = SigningVectors.Loaded.Futures.Single(x => x.Name == name);
        var credentials = KrakenCredentials.Create("fixture-key", v.Secret);

        FuturesSigner.Sign(credentials, v.PostData, v.Nonce, v.UrlPath).ShouldBe(v.Authent, v.Source);
        FuturesSigner.Verify(Convert.FromBase64String(v.Secret), v.PostData, v.Nonce, v.UrlPath, v.Authent).ShouldBeTrue();
    }

    [Fact]
    public async Task Fixture_RegeneratedWithNode_MatchesCommittedJson()
    {
        var folder = SigningVectors.SourceFolder();
        if (folder is null)
        {
            Assert.Skip("the source tree (Bulkhead.slnx) is not above the test output; cannot find sign-vectors.mjs");
        }

        if (!Directory.Exists(Path.Combine(folder, "node_modules", "ccxt")))
        {
            Assert.Skip($"ccxt is not installed; run `npm ci` in {folder} to check that vectors.json is reproducible");
        }

        var (exitCode, stdout, stderr) = await RunNodeAsync(folder, TestContext.Current.CancellationToken);
        if (exitCode is null)
        {
            Assert.Skip("node is not on PATH");
        }

        exitCode.ShouldBe(0, stderr);
        var committed = await File.ReadAllTextAsync(Path.Combine(folder, SigningVectors.FileName), TestContext.Current.CancellationToken);
        stdout.ReplaceLineEndings("\n").ShouldBe(committed.ReplaceLineEndings("\n"), "rerun `node sign-vectors.mjs > vectors.json` and commit the result");
        (await File.ReadAllTextAsync(SigningVectors.OutputPath, TestContext.Current.CancellationToken)).ShouldBe(committed, "the test output holds a stale copy");
    }

    private static async Task<(int? ExitCode, string Stdout, string Stderr)> RunNodeAsync(string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node", "sign-vectors.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, "", "");
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(1));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
