using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

/// <summary>cancelorder answers carry Kraken's fields (futures.md §6.6, Kraken.Net's fixture), none of them null.</summary>
public sealed class FuturesCancelAnswerTests
{
    [Fact]
    public async Task CancelOrder_UnknownClientOrderId_NotFoundEchoesCliOrdIdWithoutNullOrderId()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        var key = sandbox.Key("desk");

        var answer = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/cancelorder", "cliOrdId=nope", key);

        answer.Result.ShouldBe("success", answer.Body);
        var status = answer.Json.GetProperty("cancelStatus");
        status.EnumerateObject().Select(p => p.Name).ShouldBe(["status", "receivedTime", "cliOrdId", "orderEvents"], answer.Body);
        status.GetProperty("status").GetString().ShouldBe("notFound");
        status.GetProperty("cliOrdId").GetString().ShouldBe("nope");
    }

    [Fact]
    public async Task CancelOrder_RestingOrder_KrakensFieldsInOrder()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Exchange.UpdateMarkPrice("PF_XBTUSD", 100_000m);
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesFlex, "ZUSD", 10_000m);
        var key = sandbox.Key("desk");
        var sent = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/sendorder", "orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.01&limitPrice=95000", key);
        var orderId = sent.Json.GetProperty("sendStatus").GetProperty("order_id").GetString();

        var answer = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/cancelorder", "order_id=" + orderId, key);

        var status = answer.Json.GetProperty("cancelStatus");
        status.EnumerateObject().Select(p => p.Name).ShouldBe(["status", "order_id", "receivedTime", "orderEvents"], answer.Body);
        status.GetProperty("status").GetString().ShouldBe("cancelled");
        status.GetProperty("order_id").GetString().ShouldBe(orderId);
    }
}
