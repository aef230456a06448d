using System.Text.Json;
using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets.Unified;

/// <summary>Unified private account channels for derivatives — positions, margin, ledgers, balances — over real sockets on loopback.</summary>
public sealed class UnifiedAccountTests
{
    private static string Subscribe(string channel, string token, string extra = "") =>
        $$"""{"channel":"{{channel}}","asset_class":"derivatives","token":"{{token}}"{{extra}}}""";

    [Fact]
    public async Task Fill_UpdatesPositionsMarginAndLedgers_AndMarkMoveRefreshesMargin()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("lp", 1_000_000m);
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();

        (await sandbox.RequestAsync(socket, "subscribe", Subscribe("positions", token))).GetProperty("success").GetBoolean().ShouldBeTrue();
        var positions = await UnifiedSandbox.MessageAsync(socket, "positions", 1, "snapshot");
        positions.GetProperty("data").GetProperty("futures").GetArrayLength().ShouldBe(0);
        positions.GetProperty("data").GetProperty("options").GetArrayLength().ShouldBe(0);

        (await sandbox.RequestAsync(socket, "subscribe", Subscribe("margin", token))).GetProperty("success").GetBoolean().ShouldBeTrue();
        var margin = (await UnifiedSandbox.MessageAsync(socket, "margin", 1, "multi_collateral")).GetProperty("data");
        margin.GetProperty("portfolio_value").GetRawText().ShouldBe("10000.0000");
        margin.GetProperty("available_margin").GetRawText().ShouldBe("10000.0000");
        margin.GetProperty("initial_margin").GetRawText().ShouldBe("0.0000");
        margin.GetProperty("margin_level").ValueKind.ShouldBe(JsonValueKind.Null);
        var usd = margin.GetProperty("currencies").EnumerateArray().Single();
        (usd.GetProperty("asset").GetString(), usd.GetProperty("quantity").GetRawText()).ShouldBe(("USD", "10000.0000"));

        (await sandbox.RequestAsync(socket, "subscribe", """{"channel":"ledgers","token":"TOKEN"}""".Replace("TOKEN", token, StringComparison.Ordinal)))
            .GetProperty("success").GetBoolean().ShouldBeTrue();

        var placed = await sandbox.RequestAsync(socket, "add_order", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":100000,"token":"{{token}}"}
            """);
        placed.GetProperty("success").GetBoolean().ShouldBeTrue(placed.GetRawText());
        sandbox.Place("lp", Side.Sell, 0.1m, 100_000m);

        var update = await UnifiedSandbox.MessageAsync(socket, "positions", 1, "update");
        var position = update.GetProperty("data").GetProperty("futures").EnumerateArray().Single();
        position.GetProperty("symbol").GetString().ShouldBe("PF_XBTUSD");
        position.GetProperty("side").GetString().ShouldBe("long");
        position.GetProperty("size").GetRawText().ShouldBe("0.1000");
        position.GetProperty("entry_price").GetDecimal().ShouldBe(100_000m);
        position.GetProperty("mark_price").GetRawText().ShouldBe("100000");
        position.GetProperty("unrealized_pnl").GetDecimal().ShouldBe(0m);
        position.GetProperty("max_leverage").ValueKind.ShouldBe(JsonValueKind.Null);

        var afterFill = (await UnifiedSandbox.MessageAsync(socket, "margin", 2, "multi_collateral")).GetProperty("data");
        afterFill.GetProperty("collateral_value").GetRawText().ShouldBe("9998.0000");              // maker fee 0.02 % of 10,000
        afterFill.GetProperty("initial_margin").GetRawText().ShouldBe("200.0000");                  // 2 % of 10,000
        afterFill.GetProperty("maintenance_margin").GetRawText().ShouldBe("100.0000");
        afterFill.GetProperty("available_margin").GetRawText().ShouldBe("9798.0000");

        var ledger = await UnifiedSandbox.MessageAsync(socket, "ledgers", 1, "update");
        var entry = ledger.GetProperty("data").EnumerateArray().Single();
        entry.GetProperty("type").GetString().ShouldBe("trade");
        entry.GetProperty("asset").GetString().ShouldBe("USD");
        entry.GetProperty("wallet_type").GetString().ShouldBe("derivatives");
        entry.GetProperty("wallet_id").GetString().ShouldBe("flex");
        entry.GetProperty("amount").GetRawText().ShouldBe("0.0000");
        entry.GetProperty("fee").GetRawText().ShouldBe("2.0000");
        entry.GetProperty("balance").GetRawText().ShouldBe("9998.0000");
        entry.GetProperty("symbol").GetString().ShouldBe("PF_XBTUSD");
        ledger.GetProperty("sequence").GetInt64().ShouldBeGreaterThan(0);

        sandbox.Exchange.UpdateMarkPrice(UnifiedSandbox.Symbol, 101_000m);
        sandbox.Futures.Time.Advance(TimeSpan.FromSeconds(2));
        var marked = (await UnifiedSandbox.MessageAsync(socket, "margin", 3, "multi_collateral")).GetProperty("data");
        marked.GetProperty("unrealized_pnl").GetRawText().ShouldBe("100.0000");                   // 0.1 × 1,000
        marked.GetProperty("portfolio_value").GetRawText().ShouldBe("10098.0000");

        sandbox.Place("lp", Side.Buy, 0.1m, 101_000m);
        var close = await sandbox.RequestAsync(socket, "add_order", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"sell","order_type":"market","order_qty":0.1,"reduce_only":true,"token":"{{token}}"}
            """);
        close.GetProperty("success").GetBoolean().ShouldBeTrue(close.GetRawText());
        var closed = (await UnifiedSandbox.MessageAsync(socket, "positions", 2, "update")).GetProperty("data").GetProperty("futures").EnumerateArray().Single();
        closed.GetProperty("size").GetRawText().ShouldBe("0.0000");
        closed.TryGetProperty("side", out _).ShouldBeFalse();
        var realised = (await UnifiedSandbox.MessageAsync(socket, "ledgers", 2, "update")).GetProperty("data")[0];
        realised.GetProperty("realized_pnl").GetRawText().ShouldBe("100.0000");
    }

    [Fact]
    public async Task Balances_Snapshot_ListsDerivativesWallets()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();

        var ack = await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"balances","token":"{{token}}"}""");
        ack.GetProperty("result").GetProperty("snapshot").GetBoolean().ShouldBeTrue();
        var snapshot = await UnifiedSandbox.MessageAsync(socket, "balances", 1, "snapshot");

        var usd = snapshot.GetProperty("data").EnumerateArray().Single();
        usd.GetProperty("asset").GetString().ShouldBe("USD");
        usd.GetProperty("balance").GetRawText().ShouldBe("10000.0000");
        var wallets = usd.GetProperty("wallets").EnumerateArray().Select(w => (w.GetProperty("type").GetString(), w.GetProperty("id").GetString(), w.GetProperty("balance").GetRawText())).ToList();
        wallets.ShouldBe([("derivatives", "flex", "10000.0000"), ("derivatives", "cash", "0.0000")]);
        snapshot.GetProperty("sequence").GetInt64().ShouldBe(1);
    }

    [Theory]
    [InlineData("positions", ",\"with_margin\":true", "'params.snapshot' is not valid together with 'params.with_margin'")]
    [InlineData("positions", ",\"snapshot\":\"no\"", "Invalid 'params.snapshot'")]
    [InlineData("margin", ",\"snapshot\":false", "'params.snapshot' is not valid for the margin channel")]
    [InlineData("executions", ",\"users\":\"all\"", "Unsupported field: 'users'")]
    [InlineData("ledgers", ",\"snapshot\":true", "Unsupported field: 'snapshot'")]
    public async Task Subscribe_BadParams_AnswersError(string channel, string extra, string error)
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();

        var answer = await sandbox.RequestAsync(socket, "subscribe", Subscribe(channel, token, extra));

        answer.GetProperty("success").GetBoolean().ShouldBeFalse();
        answer.GetProperty("error").GetString().ShouldBe(error);
    }

    [Theory]
    [InlineData("positions", "Already subscribed to positions channel")]
    [InlineData("margin", "Already subscribed to margin channel")]
    [InlineData("executions", "Already subscribed")]
    public async Task Subscribe_Twice_AnswersAlreadySubscribed(string channel, string error)
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();

        (await sandbox.RequestAsync(socket, "subscribe", Subscribe(channel, token))).GetProperty("success").GetBoolean().ShouldBeTrue();
        var second = await sandbox.RequestAsync(socket, "subscribe", Subscribe(channel, token));
        var unsubscribed = await sandbox.RequestAsync(socket, "unsubscribe", Subscribe(channel, token));
        var third = await sandbox.RequestAsync(socket, "subscribe", Subscribe(channel, token));

        second.GetProperty("error").GetString().ShouldBe(error);
        unsubscribed.GetProperty("success").GetBoolean().ShouldBeTrue(unsubscribed.GetRawText());
        third.GetProperty("success").GetBoolean().ShouldBeTrue(third.GetRawText());
    }
}
