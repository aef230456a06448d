using System.Net;
using System.Text.Json;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Faults;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Admin;

public sealed class AdminApiTests : IAsyncLifetime
{
    private AdminServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await AdminServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("GET", "/admin/accounts")]
    [InlineData("POST", "/admin/accounts")]
    [InlineData("PUT", "/admin/accounts/desk/volume")]
    [InlineData("POST", "/admin/keys")]
    [InlineData("GET", "/admin/keys")]
    [InlineData("DELETE", "/admin/keys/abc")]
    [InlineData("GET", "/admin/keys/abc/stats")]
    [InlineData("POST", "/admin/deposits")]
    [InlineData("POST", "/admin/withdrawals")]
    [InlineData("POST", "/admin/transfers")]
    [InlineData("GET", "/admin/ledger")]
    [InlineData("POST", "/admin/faults")]
    [InlineData("GET", "/admin/conservation")]
    [InlineData("GET", "/admin/nothing-here")]
    public async Task AnyRoute_MissingOrWrongToken_401JsonError(string method, string path)
    {
        foreach (var token in new[] { null, "wrong", AdminServer.Token + "x", string.Empty })
        {
            var answer = await _server.SendAsync(new HttpMethod(method), path, "{}", token);

            answer.Status.ShouldBe(HttpStatusCode.Unauthorized);
            answer.MediaType.ShouldBe("application/json");
            answer.Error.ShouldContain("Authorization: Bearer");
        }

        _server.Exchange.Accounts.ShouldBeEmpty();
    }

    [Fact]
    public async Task PostAccounts_MasterThenSubaccount_ReturnsNameMasterIibanUid()
    {
        var desk = await _server.PostAsync("/admin/accounts", new { name = "desk" });
        var mm = await _server.PostAsync("/admin/accounts", new { name = "mm", master = "desk" });

        desk.Status.ShouldBe(HttpStatusCode.OK, desk.Text);
        desk.Json.GetProperty("name").GetString().ShouldBe("desk");
        desk.Json.GetProperty("master").ValueKind.ShouldBe(JsonValueKind.Null);
        mm.Json.GetProperty("master").GetString().ShouldBe("desk");
        mm.Json.GetProperty("iiban").GetString().ShouldBe(_server.Exchange.FindAccount("mm")!.Iiban);
        mm.Json.GetProperty("futuresUid").GetGuid().ShouldBe(_server.Exchange.FindAccount("mm")!.FuturesUid);
    }

    [Theory]
    [InlineData("{\"name\":\"Bad Name\"}", HttpStatusCode.BadRequest, "account name 'Bad Name'")]
    [InlineData("{\"name\":\"x\",\"master\":\"ghost\"}", HttpStatusCode.NotFound, "master account 'ghost' does not exist")]
    [InlineData("{\"master\":\"desk\"}", HttpStatusCode.BadRequest, "'name' is required")]
    [InlineData("{\"name\":5}", HttpStatusCode.BadRequest, "'name' must be a string")]
    [InlineData("{\"name\":", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("[1,2]", HttpStatusCode.BadRequest, "must be a JSON object")]
    [InlineData("", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("{\"name\":\"desk\"}", HttpStatusCode.Conflict, "already exists")]
    public async Task PostAccounts_Bad_4xxSayingWhich(string body, HttpStatusCode status, string says)
    {
        await _server.PostAsync("/admin/accounts", new { name = "desk" });

        var answer = await _server.PostRawAsync("/admin/accounts", body);

        answer.Status.ShouldBe(status, answer.Text);
        answer.Error.ShouldContain(says);
        _server.Exchange.Accounts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAccounts_WithBalances_ListsEveryWalletAsStrings()
    {
        await _server.PostAsync("/admin/accounts", new { name = "desk" });
        await _server.PostAsync("/admin/accounts", new { name = "mm", master = "desk" });
        await _server.PostAsync("/admin/deposits", new { account = "mm", asset = "ZUSD", amount = "10000.50" });
        await _server.PostAsync("/admin/deposits", new { account = "mm", asset = "USDT", amount = "250", wallet = "futures" });
        await _server.PostAsync("/admin/deposits", new { account = "mm", asset = "XBT", amount = "0.5", wallet = "futures-cash" });

        var answer = await _server.GetAsync("/admin/accounts");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        var accounts = answer.Json.EnumerateArray().ToList();
        accounts.Select(a => a.GetProperty("name").GetString()).ShouldBe(["desk", "mm"]);
        var balances = accounts[1].GetProperty("balances");
        balances.GetProperty("spot").GetProperty("ZUSD").GetString().ShouldBe("10000.50");
        balances.GetProperty("futuresFlex").GetProperty("USDT").GetString().ShouldBe("250");
        balances.GetProperty("futuresCash").GetProperty("XXBT").GetString().ShouldBe("0.5");
        accounts[0].GetProperty("balances").GetProperty("spot").EnumerateObject().ShouldBeEmpty();
        (await _server.GetAsync("/admin/accounts/mm")).Json.GetProperty("name").GetString().ShouldBe("mm");
        (await _server.GetAsync("/admin/accounts/ghost")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostKeys_Spot_ReturnsSecretOnceListNeverShowsIt()
    {
        await _server.PostAsync("/admin/accounts", new { name = "mm" });

        var created = await _server.PostAsync("/admin/keys", new
        {
            account = "mm",
            permissions = new[] { "Query Funds", "Modify Orders", "Query Open Orders & Trades" },
            nonceWindow = 3,
            ipAllowlist = new[] { "127.0.0.1/32" },
            expiresAt = (string?)null,
            queryStart = "2026-01-01T00:00:00Z",
        });

        created.Status.ShouldBe(HttpStatusCode.OK, created.Text);
        var key = created.Json.GetProperty("key").GetString()!;
        var secret = created.Json.GetProperty("secret").GetString()!;
        Convert.FromBase64String(secret).Length.ShouldBe(64);
        var listed = await _server.GetAsync("/admin/keys?account=mm");
        listed.Text.ShouldNotContain(secret);
        var view = listed.Json.EnumerateArray().Single();
        view.GetProperty("key").GetString().ShouldBe(key);
        view.GetProperty("venue").GetString().ShouldBe("spot");
        view.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldBe(["Query Funds", "Query Open Orders & Trades", "Modify Orders"]);
        view.GetProperty("nonceWindow").GetInt64().ShouldBe(3);
        view.GetProperty("ipAllowlist").EnumerateArray().Single().GetString().ShouldBe("127.0.0.1/32");
        view.GetProperty("queryStart").GetString().ShouldBe("2026-01-01T00:00:00.0000000+00:00");
        (await _server.GetAsync("/admin/keys")).Json.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task PostKeys_Futures_FullWithWithdraw()
    {
        await _server.PostAsync("/admin/accounts", new { name = "desk" });

        var created = await _server.PostAsync("/admin/keys", new { account = "desk", futures = "full", withdraw = true, expiresAt = "2027-01-01T00:00:00Z" });

        created.Status.ShouldBe(HttpStatusCode.OK, created.Text);
        created.Json.GetProperty("venue").GetString().ShouldBe("futures");
        var key = _server.Exchange.FindKey(created.Json.GetProperty("key").GetString()!)!;
        key.Venue.ShouldBe(KeyVenue.Futures);
        key.FuturesAccess.ShouldBe(FuturesAccess.Full);
        key.FuturesWithdraw.ShouldBeTrue();
        key.ExpiresAt.ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var listed = (await _server.GetAsync("/admin/keys?account=desk")).Json[0];
        listed.GetProperty("futures").GetString().ShouldBe("full");
        listed.GetProperty("withdraw").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("{\"account\":\"ghost\",\"permissions\":[\"Query Funds\"]}", HttpStatusCode.NotFound, "account 'ghost' does not exist")]
    [InlineData("{\"account\":\"desk\",\"permissions\":[\"Query funds\"]}", HttpStatusCode.BadRequest, "unknown permission 'Query funds'")]
    [InlineData("{\"account\":\"desk\",\"permissions\":\"Query Funds\"}", HttpStatusCode.BadRequest, "'permissions' must be an array of strings")]
    [InlineData("{\"account\":\"desk\",\"futures\":\"write\"}", HttpStatusCode.BadRequest, "'futures' is 'write'")]
    [InlineData("{\"account\":\"desk\",\"futures\":\"full\",\"permissions\":[\"Query Funds\"]}", HttpStatusCode.BadRequest, "a Futures key takes")]
    [InlineData("{\"account\":\"desk\",\"nonceWindow\":-1}", HttpStatusCode.BadRequest, "'nonceWindow' must be a whole number")]
    [InlineData("{\"account\":\"desk\",\"ipAllowlist\":[\"10.0.0.0/99\"]}", HttpStatusCode.BadRequest, "ipAllowlist entry '10.0.0.0/99'")]
    [InlineData("{\"account\":\"desk\",\"expiresAt\":\"tomorrow\"}", HttpStatusCode.BadRequest, "'expiresAt' must be an ISO 8601 time")]
    [InlineData("{\"account\":\"desk\",\"withdraw\":\"yes\"}", HttpStatusCode.BadRequest, "'withdraw' must be true or false")]
    [InlineData("{\"permissions\":[]}", HttpStatusCode.BadRequest, "'account' is required")]
    public async Task PostKeys_Bad_4xxSayingWhich(string body, HttpStatusCode status, string says)
    {
        await _server.PostAsync("/admin/accounts", new { name = "desk" });

        var answer = await _server.PostRawAsync("/admin/keys", body);

        answer.Status.ShouldBe(status, answer.Text);
        answer.Error.ShouldContain(says);
        _server.Exchange.Keys(null).ShouldBeEmpty();
    }

    [Fact]
    public async Task GetKeys_UnknownAccount_404()
    {
        var answer = await _server.GetAsync("/admin/keys?account=ghost");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Error.ShouldContain("'ghost'");
    }

    [Fact]
    public async Task DeleteKey_Known_RevokesUnknown404()
    {
        await _server.PostAsync("/admin/accounts", new { name = "desk" });
        var key = (await _server.PostAsync("/admin/keys", new { account = "desk", permissions = new[] { "Query Funds" } })).Json.GetProperty("key").GetString()!;

        var revoked = await _server.DeleteAsync("/admin/keys/" + Uri.EscapeDataString(key));

        revoked.Status.ShouldBe(HttpStatusCode.OK, revoked.Text);
        revoked.Json.GetProperty("revokedAt").GetString().ShouldBe("2026-11-26T12:00:00.0000000+00:00");
        _server.Exchange.FindKey(key)!.RevokedAt.ShouldNotBeNull();
        (await _server.DeleteAsync("/admin/keys/nope")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetStats_WithoutActivityService_NonceHighWaterAndZeroCounts()
    {
        await _server.PostAsync("/admin/accounts", new { name = "desk" });
        var key = (await _server.PostAsync("/admin/keys", new { account = "desk", permissions = new[] { "Query Funds" } })).Json.GetProperty("key").GetString()!;
        _server.Exchange.SetNonceHighWater(key, 42);

        var stats = await _server.GetAsync($"/admin/keys/{Uri.EscapeDataString(key)}/stats");

        stats.Status.ShouldBe(HttpStatusCode.OK, stats.Text);
        stats.Json.GetProperty("nonceHighWater").GetInt64().ShouldBe(42);
        stats.Json.GetProperty("failuresByKind").ValueKind.ShouldBe(JsonValueKind.Object);
        stats.Json.GetProperty("lockedUntil").ValueKind.ShouldBe(JsonValueKind.Null);
        if (_server.App.Services.GetService<IKeyActivity>() is null)
        {
            stats.Json.GetProperty("requests").GetInt64().ShouldBe(0);
        }

        (await _server.GetAsync("/admin/keys/nope/stats")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostDeposits_Valid_ReturnsRefidAndBalancedEntries()
    {
        await _server.PostAsync("/admin/accounts", new { name = "mm" });

        var answer = await _server.PostAsync("/admin/deposits", new { account = "mm", asset = "ZUSD", amount = "10000" });

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Text);
        var refid = answer.Json.GetProperty("refid").GetString()!;
        answer.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("amount").GetString()).ShouldBe(["-10000", "10000"]);
        _server.Exchange.Movement(refid).Count.ShouldBe(2);
        _server.Exchange.Balances("mm", Wallet.Spot)["ZUSD"].ShouldBe(10000m);
    }

    [Theory]
    [InlineData("{\"account\":\"ghost\",\"asset\":\"ZUSD\",\"amount\":\"1\"}", HttpStatusCode.NotFound, "account 'ghost'")]
    [InlineData("{\"account\":\"mm\",\"asset\":\"DOGE\",\"amount\":\"1\"}", HttpStatusCode.BadRequest, "asset 'DOGE' is not known")]
    [InlineData("{\"account\":\"mm\",\"asset\":\"ZUSD\",\"amount\":\"-5\"}", HttpStatusCode.BadRequest, "must be positive")]
    [InlineData("{\"account\":\"mm\",\"asset\":\"ZUSD\",\"amount\":\"1e3\"}", HttpStatusCode.BadRequest, "'amount' must be a decimal string")]
    [InlineData("{\"account\":\"mm\",\"asset\":\"ZUSD\",\"amount\":\"99999999999999999999\"}", HttpStatusCode.BadRequest, "at most")]
    [InlineData("{\"account\":\"mm\",\"asset\":\"ZUSD\"}", HttpStatusCode.BadRequest, "'amount' is required")]
    [InlineData("{\"account\":\"mm\",\"asset\":\"ZUSD\",\"amount\":\"1\",\"wallet\":\"margin\"}", HttpStatusCode.BadRequest, "'wallet' is 'margin'")]
    public async Task PostDeposits_Bad_4xxSayingWhichNoStateChange(string body, HttpStatusCode status, string says)
    {
        await _server.PostAsync("/admin/accounts", new { name = "mm" });

        var answer = await _server.PostRawAsync("/admin/deposits", body);

        answer.Status.ShouldBe(status, answer.Text);
        answer.Error.ShouldContain(says);
        _server.Exchange.AllEntries().ShouldBeEmpty();
    }

    [Fact]
    public async Task PostWithdrawalsAndTransfers_MasterAndSubaccount_RulesApplied()
    {
        await _server.PostAsync("/admin/accounts", new { name = "desk" });
        await _server.PostAsync("/admin/accounts", new { name = "mm", master = "desk" });
        await _server.PostAsync("/admin/deposits", new { account = "desk", asset = "ZUSD", amount = "100" });

        (await _server.PostAsync("/admin/transfers", new { from = "desk", to = "mm", asset = "ZUSD", amount = "60" })).Status.ShouldBe(HttpStatusCode.OK);
        (await _server.PostAsync("/admin/transfers", new { from = "mm", to = "mm", asset = "ZUSD", amount = "10", toWallet = "futures" })).Status.ShouldBe(HttpStatusCode.OK);
        var refused = await _server.PostAsync("/admin/withdrawals", new { account = "mm", asset = "ZUSD", amount = "1" });
        var tooMuch = await _server.PostAsync("/admin/withdrawals", new { account = "desk", asset = "ZUSD", amount = "41" });
        var ok = await _server.PostAsync("/admin/withdrawals", new { account = "desk", asset = "ZUSD", amount = "40" });

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Error.ShouldContain("subaccounts cannot withdraw");
        tooMuch.Status.ShouldBe(HttpStatusCode.BadRequest);
        tooMuch.Error.ShouldContain("less than 41 ZUSD");
        ok.Status.ShouldBe(HttpStatusCode.OK);
        _server.Exchange.Balances("mm", Wallet.Spot)["ZUSD"].ShouldBe(50m);
        _server.Exchange.Balances("mm", Wallet.FuturesFlex)["ZUSD"].ShouldBe(10m);
        var ledger = await _server.GetAsync("/admin/ledger?account=mm");
        ledger.Json.GetArrayLength().ShouldBe(3);
        var refid = ok.Json.GetProperty("refid").GetString();
        (await _server.GetAsync($"/admin/ledger?refid={refid}")).Json.GetArrayLength().ShouldBe(2);
        (await _server.GetAsync("/admin/ledger?account=ghost")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostTransfers_Unlinked_400()
    {
        await _server.PostAsync("/admin/accounts", new { name = "desk" });
        await _server.PostAsync("/admin/accounts", new { name = "other" });
        await _server.PostAsync("/admin/deposits", new { account = "desk", asset = "ZUSD", amount = "100" });

        var answer = await _server.PostAsync("/admin/transfers", new { from = "desk", to = "other", asset = "ZUSD", amount = "1" });

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Error.ShouldContain("not linked");
    }

    [Fact]
    public async Task PostFaults_Valid_SetsFaultSettingsBad400()
    {
        var faults = _server.App.Services.GetRequiredService<FaultSettings>();

        var ok = await _server.PostAsync("/admin/faults", new { latencyMs = 250, unavailableRate = 0.25 });
        var badRate = await _server.PostAsync("/admin/faults", new { unavailableRate = 1.5 });
        var badLatency = await _server.PostAsync("/admin/faults", new { latencyMs = -1 });

        ok.Status.ShouldBe(HttpStatusCode.OK, ok.Text);
        faults.Latency.ShouldBe(TimeSpan.FromMilliseconds(250));
        faults.UnavailableRate.ShouldBe(0.25m);
        badRate.Status.ShouldBe(HttpStatusCode.BadRequest);
        badRate.Error.ShouldContain("'unavailableRate' must be from 0 to 1");
        badLatency.Error.ShouldContain("'latencyMs' must be a whole number from 0 to 60000");
        faults.UnavailableRate.ShouldBe(0.25m);
        (await _server.PostAsync("/admin/faults", new { latencyMs = 0, unavailableRate = 0 })).Status.ShouldBe(HttpStatusCode.OK);
        faults.Latency.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task PostFaults_SocketFields_SetShownAndOneShotDropNotKept()
    {
        var faults = _server.App.Services.GetRequiredService<FaultSettings>();

        var ok = await _server.PostAsync("/admin/faults", new { socketDelayMs = 1500, dropBeforeAck = 3, corruptBookChecksum = 2, dropSockets = true });
        var read = await _server.GetAsync("/admin/faults");

        ok.Status.ShouldBe(HttpStatusCode.OK, ok.Text);
        foreach (var answer in new[] { ok, read })
        {
            answer.Json.GetProperty("socketDelayMs").GetInt64().ShouldBe(1500);
            answer.Json.GetProperty("dropSockets").GetBoolean().ShouldBeFalse();
            answer.Json.GetProperty("dropBeforeAck").GetInt32().ShouldBe(3);
            answer.Json.GetProperty("corruptBookChecksum").GetInt32().ShouldBe(2);
            answer.Json.GetProperty("latencyMs").GetInt64().ShouldBe(0);
        }

        (faults.SocketDelay, faults.DropBeforeAck, faults.CorruptBookChecksum).ShouldBe((TimeSpan.FromMilliseconds(1500), 3, 2));
        faults.TryTakeDropBeforeAck().ShouldBeTrue();
        (await _server.GetAsync("/admin/faults")).Json.GetProperty("dropBeforeAck").GetInt32().ShouldBe(2);
    }

    [Theory]
    [InlineData("""{"socketDelayMs":60001}""", "'socketDelayMs' must be a whole number from 0 to 60000")]
    [InlineData("""{"socketDelayMs":-1}""", "'socketDelayMs' must be a whole number from 0 to 60000")]
    [InlineData("""{"socketDelayMs":1.5}""", "'socketDelayMs' must be a whole number from 0 to 60000")]
    [InlineData("""{"dropSockets":"yes"}""", "'dropSockets' must be true or false")]
    [InlineData("""{"dropBeforeAck":1001}""", "'dropBeforeAck' must be a whole number from 0 to 1000")]
    [InlineData("""{"dropBeforeAck":-1}""", "'dropBeforeAck' must be a whole number from 0 to 1000")]
    [InlineData("""{"corruptBookChecksum":1001}""", "'corruptBookChecksum' must be a whole number from 0 to 1000")]
    [InlineData("""{"corruptBookChecksum":"2"}""", "'corruptBookChecksum' must be a whole number from 0 to 1000")]
    [InlineData("""{"latencyMs":10,"socketDelayMs":10,"dropBeforeAck":1,"corruptBookChecksum":5000}""", "'corruptBookChecksum' must be a whole number from 0 to 1000")]
    public async Task PostFaults_SocketFieldOutOfRange_400ChangesNothing(string body, string error)
    {
        var faults = _server.App.Services.GetRequiredService<FaultSettings>();
        (await _server.PostAsync("/admin/faults", new { latencyMs = 7, socketDelayMs = 20, dropBeforeAck = 4, corruptBookChecksum = 6 })).Status.ShouldBe(HttpStatusCode.OK);

        var answer = await _server.PostRawAsync("/admin/faults", body);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Text);
        answer.Error.ShouldBe(error);
        (faults.Latency, faults.SocketDelay, faults.DropBeforeAck, faults.CorruptBookChecksum)
            .ShouldBe((TimeSpan.FromMilliseconds(7), TimeSpan.FromMilliseconds(20), 4, 6));
    }

    [Fact]
    public async Task PutVolume_Valid_StoredUnknown404Negative400()
    {
        await _server.PostAsync("/admin/accounts", new { name = "desk" });

        var ok = await _server.PutAsync("/admin/accounts/desk/volume", new { volumeUsd30d = "2500000.50" });
        var unknown = await _server.PutAsync("/admin/accounts/ghost/volume", new { volumeUsd30d = "1" });
        var negative = await _server.PutAsync("/admin/accounts/desk/volume", new { volumeUsd30d = "-1" });

        ok.Status.ShouldBe(HttpStatusCode.OK, ok.Text);
        ok.Json.GetProperty("volumeUsd30d").GetString().ShouldBe("2500000.50");
        _server.Exchange.FindAccount("desk")!.VolumeUsd30d.ShouldBe(2_500_000.50m);
        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
        negative.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetConservation_AfterMovements_TotalsEqualNetExternalFlows()
    {
        await _server.PostAsync("/admin/accounts", new { name = "desk" });
        await _server.PostAsync("/admin/accounts", new { name = "mm", master = "desk" });
        await _server.PostAsync("/admin/deposits", new { account = "desk", asset = "ZUSD", amount = "100" });
        await _server.PostAsync("/admin/transfers", new { from = "desk", to = "mm", asset = "ZUSD", amount = "30" });
        await _server.PostAsync("/admin/withdrawals", new { account = "desk", asset = "ZUSD", amount = "20" });

        var answer = await _server.GetAsync("/admin/conservation");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json.GetProperty("conserved").GetBoolean().ShouldBeTrue();
        var usd = answer.Json.GetProperty("assets").EnumerateArray().Single();
        usd.GetProperty("asset").GetString().ShouldBe("ZUSD");
        usd.GetProperty("total").GetString().ShouldBe("80");
        usd.GetProperty("netExternal").GetString().ShouldBe("80");
        answer.Json.GetProperty("unbalancedRefids").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task UnknownAdminRoute_404JsonError()
    {
        var answer = await _server.GetAsync("/admin/whatever");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Error.ShouldContain("no admin route GET /admin/whatever");
    }

    [Fact]
    public async Task OversizedBody_4xxJsonNotA500()
    {
        var body = "{\"name\":\"" + new string('a', 100_000) + "\"}";

        var answer = await _server.PostRawAsync("/admin/accounts", body);

        ((int)answer.Status).ShouldBeInRange(400, 499);
        answer.Error.ShouldNotBeNullOrEmpty();
    }
}
