using System.Security.Cryptography;
using System.Text;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Bulkhead.Testing.FakeKraken;
using Bulkhead.Testing.Nonces;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Kraken.Tests.Spot;

/// <summary>A fake Kraken Spot server with one registered key, and a client for it over real HTTP.</summary>
internal sealed class SpotHarness : IAsyncDisposable
{
    public const string ApiKey = "BulkheadTestKey0000000000000000000000000000000000000000000";
    public static readonly string Secret = Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes("bulkhead-spot-test-secret")));
    public static readonly string WrongSecret = Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes("not-the-secret")));

    private SpotHarness(FakeSpotServer server, HttpClient http)
    {
        Server = server;
        Http = http;
    }

    public FakeSpotServer Server { get; }

    public HttpClient Http { get; }

    public TimeProvider Time { get; private set; } = TimeProvider.System;

    public KrakenClientOptions Options { get; private set; } = new();

    public LockoutGuard Guard { get; private set; } = null!;

    public SpotClient Client { get; private set; } = null!;

    public static async Task<SpotHarness> StartAsync(
        TimeProvider? time = null,
        string? clientSecret = null,
        Action<KrakenClientOptions>? configure = null,
        LockoutGuardOptions? guard = null,
        SpotRateLimiters? limiters = null,
        ILogger<SpotClient>? logger = null,
        long nonceStart = 1_700_000_000_000)
    {
        var server = await FakeSpotServer.StartAsync();
        server.AddKey(ApiKey, Secret);
        var harness = new SpotHarness(server, new HttpClient());
        harness.Time = time ?? TimeProvider.System;
        harness.Options = new KrakenClientOptions { BaseUrl = server.BaseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
        configure?.Invoke(harness.Options);
        harness.Client = harness.NewClient(clientSecret ?? Secret, nonceStart, guard, limiters, logger);
        return harness;
    }

    public SpotClient NewClient(string secret, long nonceStart, LockoutGuardOptions? guard = null, SpotRateLimiters? limiters = null, ILogger<SpotClient>? logger = null)
    {
        var credentials = KrakenCredentials.Create(ApiKey, secret);
        Guard = new LockoutGuard(credentials.MaskedKey, guard ?? new LockoutGuardOptions(), Time);
        var key = new KrakenKey(credentials, new CountingNonceSource(nonceStart), Guard);
        return new SpotClient(Http, Options, Time, key, limiters, logger);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
