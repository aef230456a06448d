using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Api.Spot;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Auth;

public sealed class SpotPermissionMatrixTests
{
    [Fact]
    public async Task EveryServedPrivateMethod_EveryPermission_AllowedIffTableSays()
    {
        await using var sandbox = await SpotSandbox.StartAsync(new SandboxOptions { InMemory = true, Tier = Bulkhead.Kraken.Limits.SpotTier.Pro, LockoutThreshold = 1_000_000 });
        var checkedCount = 0;
        foreach (var (permission, name) in SpotPermissions.All)
        {
            foreach (var method in SpotApi.PrivateMethods)
            {
                // A fresh account per cell keeps the account's rate counter out of the matrix.
                var account = sandbox.Master($"a{checkedCount}");
                var key = sandbox.Key(account, permission);
                SpotPermissions.TryGetRequired(method, out var required).ShouldBeTrue(method);
                var answer = await sandbox.PrivateAsync(key, method);
                if (required == permission)
                {
                    answer.Error.ShouldNotBe(KrakenErrors.PermissionDenied, $"{method} with {name}: {answer.Body}");
                }
                else
                {
                    answer.ShouldFailWith(KrakenErrors.PermissionDenied);
                }

                checkedCount++;
            }
        }

        checkedCount.ShouldBe(SpotPermissions.All.Count * SpotApi.PrivateMethods.Count);
    }
}
