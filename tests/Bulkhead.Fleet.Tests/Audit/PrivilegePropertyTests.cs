using Bulkhead.Fleet.Audit;
using Bulkhead.Kraken.Spot;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Audit;

public sealed class PrivilegePropertyTests
{
    private static readonly FleetAuditor Auditor = new(new FakeTimeProvider(Manifests.Today));
    private const SpotPermission DashboardNeeds = SpotPermission.QueryFunds | SpotPermission.QueryOpenOrdersAndTrades;

    [Fact]
    public void AnyPermissionSet_OnTheDashboardKey_IsFlaggedExactlyWhenItDiffersFromTheRole() =>
        Gen.Int[0, (1 << SpotPermissions.All.Count) - 1].Sample(bits =>
        {
            var held = (SpotPermission)bits;
            var list = string.Join(", ", KeyPermissions.Names(held).Select(n => $"\"{n}\""));
            var text = Manifests.SmallWith("[\"Query Funds\", \"Query Open Orders & Trades\"]", $"[{list}]");

            var codes = Auditor.Audit(Manifests.Valid(text)).Select(f => f.Code).ToHashSet();

            // "Access WebSockets API" on a process that does not stream is its own warning, not excess privilege.
            codes.Contains(FindingCodes.ExcessPermissions).ShouldBe((held & ~DashboardNeeds & ~SpotPermission.AccessWebSocketsApi) != 0);
            codes.Contains(FindingCodes.WebSocketPermissionUnused).ShouldBe(held.HasFlag(SpotPermission.AccessWebSocketsApi));
            codes.Contains(FindingCodes.MissingPermissions).ShouldBe((DashboardNeeds & ~held) != 0);
            codes.Contains(FindingCodes.WithdrawalOutsideTreasury).ShouldBe(held.HasFlag(SpotPermission.WithdrawFunds));
        }, iter: 200);
}
