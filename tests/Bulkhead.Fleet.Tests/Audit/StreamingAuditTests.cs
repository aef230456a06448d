using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Roles;
using Bulkhead.Kraken.Spot;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Audit;

/// <summary><c>transport = "websocket"</c>: the manifest's rules, the key's minimum permissions and the audit's findings.</summary>
public sealed class StreamingAuditTests
{
    private const string TraderTable = "[processes.mm-trader]\nrole = \"trader\"\n";

    private static readonly FleetAuditor Auditor = new(new FakeTimeProvider(Manifests.Today));

    private static string Streaming(string text = Manifests.Small, string process = TraderTable) =>
        text.Replace(process, process + "transport = \"websocket\"\n", StringComparison.Ordinal);

    private static string OnRest(string text = Manifests.Small, string process = TraderTable) =>
        text.Replace(process, process + "transport = \"rest\"\n", StringComparison.Ordinal);

    [Fact]
    public void Transport_DefaultsToWebSocketForTradersWithAKrakenApiKey_RestIsRead_OtherRolesDefaultToRest()
    {
        var small = Manifests.Valid(Manifests.Small);
        small.FindProcess("mm-trader")!.Transport.ShouldBe(ProcessTransport.WebSocket);
        small.FindProcess("mm-trader")!.Streams.ShouldBeTrue();
        small.FindProcess("dashboard")!.Transport.ShouldBe(ProcessTransport.Rest);
        Manifests.Valid(Streaming()).FindProcess("mm-trader")!.Transport.ShouldBe(ProcessTransport.WebSocket);
        Manifests.Valid(OnRest()).FindProcess("mm-trader")!.Transport.ShouldBe(ProcessTransport.Rest);
    }

    [Fact]
    public void UnknownTransport_IsAnErrorNamingTheChoices()
    {
        var result = Manifests.Parse(Manifests.Small.Replace(TraderTable, TraderTable + "transport = \"socket\"\n", StringComparison.Ordinal));
        result.IsValid.ShouldBeFalse();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Message.ShouldContain("processes.mm-trader.transport \"socket\" is not a known transport");
        problem.Fix.ShouldContain("websocket");
    }

    [Fact]
    public void StreamingReconciler_IsAnError()
    {
        var text = Manifests.Small + "\n[processes.rec]\nrole = \"reconciler\"\naccount = \"desk\"\nkey = \"dashboard\"\ntransport = \"websocket\"\n";
        var problem = Manifests.Parse(text).Problems.ShouldHaveSingleItem();
        problem.Message.ShouldBe("processes.rec.transport \"websocket\": a reconciler works on REST only");
        problem.Location.Line.ShouldBe(Manifests.LineOf(text, "transport = \"websocket\""));
    }

    [Fact]
    public void StreamingWithAFuturesKey_IsAnErrorNamingTheKrakenApiKey()
    {
        var text = Streaming(Manifests.SmallWith("[keys.mm-trader]\naccount = \"mm\"\n", "[keys.mm-trader]\naccount = \"mm\"\nvenue = \"futures\"\n")
            .Replace("[subaccounts.mm]\nvenue = \"spot\"", "[subaccounts.mm]\nvenue = \"futures\"", StringComparison.Ordinal)
            .Replace("kind = \"spot-market-maker\"\npairs = [\"XBTUSD\"]", "kind = \"futures-directional\"\npairs = [\"PF_XBTUSD\"]", StringComparison.Ordinal));
        var problem = Manifests.Parse(text).Problems.ShouldHaveSingleItem();
        problem.Message.ShouldBe("process \"mm-trader\" streams over WebSockets but its key \"mm-trader\" is a Futures key");
        problem.Fix.ShouldContain("GetWebSocketsToken");
    }

    [Fact]
    public void RoleKeyOfAStreamingProcess_HoldsTheRolesPermissionsAndAccessWebSocketsApi()
    {
        var manifest = Manifests.Valid(Streaming());
        var (spot, futures) = KeyPermissions.Held(manifest, manifest.FindKey("mm-trader")!);
        spot.ShouldBe(RolePermissions.Of(FleetRole.Trader).Spot | SpotPermission.AccessWebSocketsApi);
        futures.ShouldBe(FuturesPermission.None);
        var rest = Manifests.Valid(OnRest());
        KeyPermissions.Held(rest, rest.FindKey("mm-trader")!).Spot.ShouldBe(RolePermissions.Of(FleetRole.Trader).Spot);
        Auditor.Audit(manifest).ShouldBeEmpty();
    }

    [Fact]
    public void StreamingDashboardWithoutTheWebSocketPermission_IsAnErrorAndNotAlsoAMissingWarning()
    {
        var text = Streaming(Manifests.Small, "[processes.dashboard]\nrole = \"dashboard\"\n");
        var f = Auditor.Audit(Manifests.Valid(text)).ShouldHaveSingleItem();
        f.Code.ShouldBe(FindingCodes.StreamingWithoutWebSocketPermission);
        f.Severity.ShouldBe(FindingSeverity.Error);
        f.Message.ShouldBe("key \"dashboard\" lacks \"Access WebSockets API\", but \"dashboard\" stream(s) over WebSockets with it");
    }

    [Fact]
    public void StreamingDashboardWithTheWebSocketPermission_IsClean()
    {
        var text = Streaming(Manifests.Small, "[processes.dashboard]\nrole = \"dashboard\"\n")
            .Replace("permissions = [\"Query Funds\", \"Query Open Orders & Trades\"]", "permissions = [\"Query Funds\", \"Query Open Orders & Trades\", \"Access WebSockets API\"]", StringComparison.Ordinal);
        Auditor.Audit(Manifests.Valid(text)).ShouldBeEmpty();
    }

    [Fact]
    public void WebSocketPermissionOnARestProcess_IsAWarningOfItsOwn_NotAlsoExcess()
    {
        var text = Manifests.SmallWith("permissions = [\"Query Funds\", \"Query Open Orders & Trades\"]", "permissions = [\"Query Funds\", \"Query Open Orders & Trades\", \"Access WebSockets API\"]");
        var f = Auditor.Audit(Manifests.Valid(text)).ShouldHaveSingleItem();
        f.Code.ShouldBe(FindingCodes.WebSocketPermissionUnused);
        f.Severity.ShouldBe(FindingSeverity.Warning);
        f.Message.ShouldBe("key \"dashboard\" holds \"Access WebSockets API\", but no process streams with it (\"dashboard\": transport \"rest\")");
        f.Location.Line.ShouldBe(Manifests.LineOf(text, "\"Access WebSockets API\"]"));
    }

    [Fact]
    public void WebSocketPermissionOnAReconcilersKey_NamesTheRoleThatNeverStreams()
    {
        var text = Manifests.Small + "\n[processes.rec]\nrole = \"reconciler\"\naccount = \"desk\"\nkey = \"rec\"\n\n[keys.rec]\naccount = \"desk\"\n" +
            "permissions = [\"Query Funds\", \"Query Open Orders & Trades\", \"Query Closed Orders & Trades\", \"Query Ledger Entries\", \"Access WebSockets API\"]\n" +
            "ip_allowlist = [\"10.0.0.5/32\"]\ncreated = 2026-11-01\nexpires = 2027-05-01\nsecret = \"env:REC\"\n";
        var f = Auditor.Audit(Manifests.Valid(text)).Where(f => f.Subject == "key rec").ShouldHaveSingleItem();
        f.Code.ShouldBe(FindingCodes.WebSocketPermissionUnused);
        f.Message.ShouldEndWith("(\"rec\": a reconciler works on REST only)");
    }

    [Fact]
    public void StreamingKeyWithNoSocketSessionInTheJournal_IsAWarning_ASessionClearsIt()
    {
        var manifest = Manifests.Valid(Streaming());
        CallRecord Call(string endpoint, string key, string venue = "spot") => new(Manifests.Today.AddHours(-1), venue, endpoint, key, key, key == "dashboard" ? "anywhere" : "10.0.0.5", "ok");
        CallRecord[] rest =
        [
            Call("Balance", "mm-trader"), Call("OpenOrders", "mm-trader"), Call("TradesHistory", "mm-trader"), Call("TradeVolume", "mm-trader"), Call("AddOrder", "mm-trader"),
            Call("CancelOrder", "mm-trader"), Call("Balance", "dashboard"), Call("OpenOrders", "dashboard"),
        ];

        var f = Auditor.Audit(manifest, new AuditOptions { Usage = rest }).ShouldHaveSingleItem();
        f.Code.ShouldBe(FindingCodes.WebSocketPermissionUnused);
        f.Severity.ShouldBe(FindingSeverity.Warning);
        f.Message.ShouldStartWith("key \"mm-trader\" holds \"Access WebSockets API\" for \"mm-trader\", but the journal records no socket session of it over ");
        Auditor.Audit(manifest, new AuditOptions { Usage = [.. rest, Call("GetWebSocketsToken", "mm-trader")] }).ShouldHaveSingleItem().Code.ShouldBe(FindingCodes.WebSocketPermissionUnused);
        Auditor.Audit(manifest, new AuditOptions { Usage = [.. rest, Call("GetWebSocketsToken", "mm-trader"), Call("connect", "mm-trader", "spot-ws"), Call("add_order", "mm-trader", "spot-ws")] }).ShouldBeEmpty();
    }
}
