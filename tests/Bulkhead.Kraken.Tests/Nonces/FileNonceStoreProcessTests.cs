using System.Diagnostics;
using System.Globalization;
using Bulkhead.Kraken.Nonces;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Nonces;

/// <summary>Holds a key in a real child process (tests/Bulkhead.Kraken.NonceProbe), so the OS lock is tested across processes.</summary>
public sealed class FileNonceStoreProcessTests : IDisposable
{
    private const string ApiKey = "ProcessKey-0123456789abcdef";
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);
    private readonly TempDirectory _dir = new();
    private readonly CancellationTokenSource _hang = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    public FileNonceStoreProcessTests() => _hang.CancelAfter(HangGuard);

    public void Dispose()
    {
        _hang.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Open_KeyHeldByChildProcess_ThrowsHeldNamingChildThenOpensAfterItExits()
    {
        using var child = StartProbe(draws: 10);
        var (childPid, _) = await ReadReadyAsync(child);

        var ex = Should.Throw<NonceSequenceHeldException>(() => FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider()));
        ex.Holder.ShouldNotBeNull().ProcessId.ShouldBe(childPid);
        ex.Holder.Host.ShouldBe(Environment.MachineName);
        ex.Message.ShouldContain($"held by process {childPid} on {Environment.MachineName}");
        FileNonceStore.ReadHolder(_dir.Path, ApiKey).ShouldBe(ex.Holder);

        await child.StandardInput.WriteLineAsync("exit".AsMemory(), _hang.Token);
        await child.WaitForExitAsync(_hang.Token);
        child.ExitCode.ShouldBe(0);

        FileNonceStore.ReadHolder(_dir.Path, ApiKey).ShouldBeNull();
        using var store = FileNonceStore.Open(_dir.Path, ApiKey, new FakeTimeProvider());
        store.Holder.ProcessId.ShouldBe(Environment.ProcessId);
    }

    [Fact]
    public async Task Next_ChildKilledAndClockEarlier_RestartsAboveChildsLastNonce()
    {
        using var child = StartProbe(draws: 1_000);
        var (_, childLast) = await ReadReadyAsync(child);

        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync(_hang.Token);

        Directory.EnumerateFiles(_dir.Path, "*.holder").ShouldHaveSingleItem(); // left behind by the crash
        FileNonceStore.ReadHolder(_dir.Path, ApiKey).ShouldBeNull();
        var earlier = new FakeTimeProvider(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var source = new NonceSource(FileNonceStore.Open(_dir.Path, ApiKey, earlier), new NonceOptions(), earlier);
        source.Next().ShouldBeGreaterThan(childLast);
    }

    private Process StartProbe(int draws)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "Bulkhead.Kraken.NonceProbe.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { probe, _dir.Path, ApiKey, draws.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("the probe did not start");
    }

    private async Task<(int Pid, long Last)> ReadReadyAsync(Process child)
    {
        var line = await child.StandardOutput.ReadLineAsync(_hang.Token);
        if (line is null || !line.StartsWith("ready ", StringComparison.Ordinal))
        {
            var error = await child.StandardError.ReadToEndAsync(_hang.Token);
            Assert.Fail($"probe did not get ready: '{line}' {error}");
        }

        var parts = line.Split(' ');
        return (int.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
