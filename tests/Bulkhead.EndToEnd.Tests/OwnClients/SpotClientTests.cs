using Bulkhead.EndToEnd.Tests.Harness;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.OwnClients;

/// <summary>Bulkhead's own <see cref="SpotClient"/> against the same sandbox, over the same loopback HTTP, with a key from the admin API.</summary>
public sealed class SpotClientTests
{
    [Fact]
    public async Task SpotClient_TimeBalanceLedgerAndLowerNonce_MatchTheSandbox()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "1234.5");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds, QueryLedgerEntries]);
        using var http = new HttpClient();
        var credentials = KrakenCredentials.Create(key.Key, key.Secret);
        using var nonces = NonceSource.InMemory(key.Key, new NonceOptions(), sandbox.Time);
        var client = new SpotClient(
            http,
            new KrakenClientOptions { BaseUrl = new Uri(sandbox.BaseUrl + "/"), MaxRetries = 0 },
            sandbox.Time,
            new KrakenKey(credentials, nonces, new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), sandbox.Time)));
        var ct = TestContext.Current.CancellationToken;

        var time = await client.GetServerTimeAsync(ct);
        var balances = await client.GetBalancesAsync(ct);
        var ledger = await client.GetLedgersAsync(cancellationToken: ct);

        time.GetValueOrThrow().Now.ShouldBe(SandboxServer.Start);
        balances.GetValueOrThrow()["ZUSD"].ShouldBe(1234.5m);
        ledger.GetValueOrThrow().Items.ShouldHaveSingleItem().Amount.ShouldBe(1234.5m);
        sandbox.Exchange.NonceHighWater(key.Key).ShouldBeGreaterThan(0);
        sandbox.ShouldConserveTotals();
    }
}
