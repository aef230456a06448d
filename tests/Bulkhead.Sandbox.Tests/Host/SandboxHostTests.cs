using System.Net;
using System.Runtime.Versioning;
using Bulkhead.Sandbox.Api.Admin;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Tests.Admin;
using Bulkhead.Sandbox.Tests.Storage;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Host;

public sealed class SandboxHostTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Build_DataFolderWithoutToken_GeneratesOwnerOnlyTokenFileAndReusesIt()
    {
        string first;
        await using (var server = await AdminServer.StartAsync(new SandboxOptions { DataFolder = _folder.Path }))
        {
            var token = server.App.GetAdminToken();
            first = token.Value;
            token.Location.ShouldBe(Path.Combine(_folder.Path, AdminToken.FileName));
            token.GeneratedInMemory.ShouldBeFalse();
            token.ToString().ShouldNotContain(first);
            (await File.ReadAllTextAsync(token.Location, TestContext.Current.CancellationToken)).Trim().ShouldBe(first);
            File.GetUnixFileMode(token.Location).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            (await server.GetAsync("/admin/accounts", first)).Status.ShouldBe(HttpStatusCode.OK);
        }

        await using var again = await AdminServer.StartAsync(new SandboxOptions { DataFolder = _folder.Path });
        again.App.GetAdminToken().Value.ShouldBe(first);
    }

    [Fact]
    public async Task Build_InMemoryWithoutToken_GeneratedAndExposedNoFileWritten()
    {
        await using var server = await AdminServer.StartAsync(new SandboxOptions { InMemory = true, DataFolder = _folder.Path });

        var token = server.App.GetAdminToken();

        token.GeneratedInMemory.ShouldBeTrue();
        token.Value.Length.ShouldBe(64);
        Directory.EnumerateFileSystemEntries(_folder.Path).ShouldBeEmpty();
        (await server.GetAsync("/admin/accounts", token.Value)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Build_ConfiguredToken_UsedAndNoTokenFile()
    {
        await using var server = await AdminServer.StartAsync(new SandboxOptions { DataFolder = _folder.Path, AdminToken = "mine" });

        server.App.GetAdminToken().Location.ShouldBe("--admin-token");
        (await server.GetAsync("/admin/accounts", "mine")).Status.ShouldBe(HttpStatusCode.OK);
        File.Exists(Path.Combine(_folder.Path, AdminToken.FileName)).ShouldBeFalse();
    }

    [Fact]
    public async Task Build_DataFolder_SqliteStateSurvivesRestart()
    {
        var options = new SandboxOptions { DataFolder = _folder.Path, AdminToken = AdminServer.Token };
        await using (var server = await AdminServer.StartAsync(options))
        {
            await server.PostAsync("/admin/accounts", new { name = "desk" });
            (await server.PostAsync("/admin/deposits", new { account = "desk", asset = "ZUSD", amount = "12.34" })).Status.ShouldBe(HttpStatusCode.OK);
        }

        File.Exists(Path.Combine(_folder.Path, SqliteSandboxStore.FileName)).ShouldBeTrue();
        await using var restarted = await AdminServer.StartAsync(options);
        restarted.Exchange.Balances("desk", Wallet.Spot)["ZUSD"].ShouldBe(12.34m);
    }

    [Fact]
    public async Task BoundUrls_PortZero_RealLoopbackPort()
    {
        await using var server = await AdminServer.StartAsync();

        var url = new Uri(server.App.BoundUrls().Single());

        url.Host.ShouldBe("127.0.0.1");
        url.Port.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void ResolveDataFolder_Configured_FullPath() =>
        SandboxHost.ResolveDataFolder("relative/dir").ShouldBe(Path.GetFullPath("relative/dir"));
}
