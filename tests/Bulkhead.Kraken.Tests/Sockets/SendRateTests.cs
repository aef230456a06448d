using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>The per-connection send rate against the sandbox's limit (a burst of 100, then 50 a second).</summary>
public sealed class SendRateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_TwoHundredAtOnce_PacedUnderTheServersLimitSoNoneIsRefused()
    {
        await using var sandbox = await SocketSandbox.StartAsync(configure: o => o.Sockets.IdleTimeout = TimeSpan.FromHours(1));
        var client = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: false);

        // The sandbox refills its bucket on its own clock: move it with the real one while the requests go out, a second
        // ahead so that a late tick on a loaded machine never makes the server stricter than real time.
        using var clock = new CancellationTokenSource();
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var ticking = Task.Run(async () =>
        {
            var last = TimeProvider.System.GetTimestamp();
            while (!clock.IsCancellationRequested)
            {
                await Task.Delay(5, CancellationToken.None);
                var now = TimeProvider.System.GetTimestamp();
                sandbox.Time.Advance(TimeProvider.System.GetElapsedTime(last, now));
                last = now;
            }
        }, Ct);

        var pings = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.PingAsync(Ct)));
        await clock.CancelAsync();
        await ticking;

        pings.Where(p => !p.Success).Select(p => p.Error!.Code).ShouldBeEmpty();
    }

    [Fact]
    public async Task Requests_NoWaitAllowed_RefusedLocallyBeforeTheServerWouldRefuse()
    {
        await using var sandbox = await SocketSandbox.StartAsync();

        // Both clocks stand still — the sandbox's and the client's — so neither bucket refills: exactly the burst passes,
        // and the rest never leaves (no answer is the server's refusal), however loaded the machine.
        var clientTime = new FakeTimeProvider(sandbox.Time.GetUtcNow());
        var client = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: false, configure: o => o.MaxSendWait = TimeSpan.Zero, time: clientTime);

        var pings = await Task.WhenAll(Enumerable.Range(0, 150).Select(_ => client.PingAsync(Ct)));

        pings.Count(p => p.Success).ShouldBe(100);
        pings.Where(p => !p.Success).ShouldAllBe(p => p.Error!.Code == KrakenErrors.LocalRateBudget && p.Error.Origin == KrakenErrorOrigin.Local);
    }
}
