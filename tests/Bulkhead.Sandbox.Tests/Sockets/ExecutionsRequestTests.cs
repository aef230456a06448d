using Bulkhead.Sandbox.Tests.Api.Spot;
using Bulkhead.Sandbox.Tests.Sockets.Spot;
using Bulkhead.Sandbox.Tests.Sockets.Unified;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>The <c>executions</c> subscribe params, read by one piece on the Spot and the Unified endpoint alike.</summary>
public sealed class ExecutionsRequestTests
{
    public static TheoryData<string, string> InvalidParams => new()
    {
        { "\"snap_orders\":1", "Invalid 'params.snap_orders'" },
        { "\"snapshot\":\"yes\"", "Invalid 'params.snapshot'" },
        { "\"snap_trades\":\"x\"", "Invalid 'params.snap_trades'" },
        { "\"order_status\":0", "Invalid 'params.order_status'" },
        { "\"ratecounter\":\"true\"", "Invalid 'params.ratecounter'" },
        { "\"snap_orders\":1,\"ratecounter\":1", "Invalid 'params.snap_orders'" },
        { "\"snap_trades\":1,\"order_status\":1", "Invalid 'params.snap_trades'" },
    };

    [Theory]
    [MemberData(nameof(InvalidParams))]
    public async Task Subscribe_SpotInvalidParam_AnswersFirstInvalidField(string member, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("trader", 1_000m)));

        (await session.ErrorAsync("subscribe", $$"""{"channel":"executions",{{member}}}""")).ShouldBe(error);
        (await session.OkAsync("subscribe", """{"channel":"executions"}""")).GetProperty("channel").GetString().ShouldBe("executions");
    }

    [Theory]
    [MemberData(nameof(InvalidParams))]
    public async Task Subscribe_UnifiedInvalidParam_AnswersFirstInvalidField(string member, string error)
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 1_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();

        var response = await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"executions","asset_class":"derivatives",{{member}},"token":"{{token}}"}""");

        response.GetProperty("success").GetBoolean().ShouldBeFalse();
        response.GetProperty("error").GetString().ShouldBe(error);
    }

    [Fact]
    public async Task Subscribe_UnifiedSnapshotAlias_SetsSnapTradesUnlessGiven()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 1_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var first = await sandbox.ConnectAsync();
        await using var second = await sandbox.ConnectAsync();

        var alias = await sandbox.RequestAsync(first, "subscribe", $$"""{"channel":"executions","asset_class":"derivatives","snapshot":true,"token":"{{token}}"}""");
        var both = await sandbox.RequestAsync(second, "subscribe", $$"""{"channel":"executions","asset_class":"derivatives","snapshot":true,"snap_trades":false,"order_status":false,"ratecounter":true,"token":"{{token}}"}""");

        var result = alias.GetProperty("result");
        (result.GetProperty("snap_orders").GetBoolean(), result.GetProperty("snap_trades").GetBoolean(), result.GetProperty("order_status").GetBoolean(), result.GetProperty("ratecounter").GetBoolean())
            .ShouldBe((true, true, true, false));
        result = both.GetProperty("result");
        (result.GetProperty("snap_orders").GetBoolean(), result.GetProperty("snap_trades").GetBoolean(), result.GetProperty("order_status").GetBoolean(), result.GetProperty("ratecounter").GetBoolean())
            .ShouldBe((true, false, false, true));
    }
}
