using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Tests.Api;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Auth;

public sealed class SpotInFlightLimitTests
{
    private const int HeldBack = 3;

    [Fact]
    public async Task Balance_KeyWithMaxRequestsInFlight_NextThrottledUntilOneEnds_OtherKeyServed_NothingRecorded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await SpotSandbox.StartAsync(new SandboxOptions { InMemory = true, MaxInFlightPerKey = 2 });
        var key = sandbox.Key(sandbox.Master("desk", 100m), nonceWindow: 1000);
        var other = sandbox.Key("desk");

        // Two requests whose last body bytes are held back stay in flight on the server until the rest is sent.
        var first = sandbox.RawPrivateRequest(key, "Balance");
        var second = sandbox.RawPrivateRequest(key, "Balance");
        using var firstConnection = await RawConnection.OpenAsync(sandbox.BaseUrl, ct);
        using var secondConnection = await RawConnection.OpenAsync(sandbox.BaseUrl, ct);
        await firstConnection.SendAsync(first[..^HeldBack], ct);
        await secondConnection.SendAsync(second[..^HeldBack], ct);
        await sandbox.InFlight.WhenInFlightAsync(key.ApiKey, 2, ct);

        var retryAt = sandbox.Time.GetUtcNow().AddSeconds(1).ToUnixTimeSeconds();
        (await sandbox.PrivateAsync(key, "Balance")).ShouldFailWith("EService: Throttled: " + retryAt);
        (await sandbox.PrivateAsync(key, "Balance")).ShouldFailWith(KrakenErrors.Throttled(sandbox.Time.GetUtcNow().AddSeconds(1)));
        (await sandbox.PrivateAsync(other, "Balance")).ShouldSucceed();
        sandbox.Activity.Stats(key.ApiKey).Requests.ShouldBe(0);
        sandbox.Exchange.NonceHighWater(key.ApiKey).ShouldBe(0);

        await firstConnection.SendAsync(first[^HeldBack..], ct);
        ShouldSucceed(await firstConnection.ReadAsync(first, ct));
        sandbox.InFlight.InFlight(key.ApiKey).ShouldBe(1);
        (await sandbox.PrivateAsync(key, "Balance")).ShouldSucceed();

        await secondConnection.SendAsync(second[^HeldBack..], ct);
        ShouldSucceed(await secondConnection.ReadAsync(second, ct));
        sandbox.InFlight.InFlight(key.ApiKey).ShouldBe(0);
        sandbox.Activity.Stats(key.ApiKey).FailuresByKind.ShouldBeEmpty();
    }

    [Fact]
    public void InFlightLimit_ZeroPerKey_Refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new InFlightLimit(0));
    }

    private static void ShouldSucceed(RawResponse response)
    {
        response.Status.ShouldBe(200, response.Raw);
        JsonDocument.Parse(response.Body).RootElement.GetProperty("error").GetArrayLength().ShouldBe(0, response.Body);
    }
}
