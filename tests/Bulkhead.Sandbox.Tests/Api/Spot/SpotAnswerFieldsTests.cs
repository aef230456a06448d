using Bulkhead.Kraken.Errors;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Spot;

/// <summary>Answers carry exactly Kraken's fields (Kraken.Net's endpoint fixtures), nothing more.</summary>
public sealed class SpotAnswerFieldsTests
{
    [Fact]
    public async Task CancelOrder_Cancelled_CountOnlyNoPending()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        var txid = (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.01&price=40000")).ShouldSucceed().GetProperty("txid")[0].GetString();

        var answer = await sandbox.PrivateAsync(key, "CancelOrder", "txid=" + txid);

        answer.Body.ShouldBe("""{"error":[],"result":{"count":1}}""");
        (await sandbox.PrivateAsync(key, "CancelOrder", "txid=" + txid)).ShouldFailWith(KrakenErrors.UnknownOrder);
    }

    [Fact]
    public async Task CancelAll_CountOnly()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.01&price=40000")).ShouldSucceed();

        (await sandbox.PrivateAsync(key, "CancelAll")).Body.ShouldBe("""{"error":[],"result":{"count":1}}""");
        (await sandbox.PrivateAsync(key, "CancelAll")).Body.ShouldBe("""{"error":[],"result":{"count":0}}""");
    }
}
