using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Transport;
using Bulkhead.Testing.FakeKraken;
using Microsoft.Extensions.Time.Testing;

namespace Bulkhead.Kraken.Tests.Futures;

/// <summary>A <see cref="FakeFuturesServer"/> on loopback and a <see cref="FuturesRestClient"/> pointed at it.</summary>
internal sealed class FuturesHarness : IAsyncDisposable
{
    public const string ApiKey = "futures-test-key-0001";
    public static readonly string Secret = Convert.ToBase64String(Enumerable.Range(1, 64).Select(i => (byte)i).ToArray());
    public static readonly string WrongSecret = Convert.ToBase64String(Enumerable.Range(101, 64).Select(i => (byte)i).ToArray());

    private readonly HttpClient _http;

    private FuturesHarness(FakeFuturesServer server, FuturesRestClient client, FakeTimeProvider time, LockoutGuard guard, FuturesTestNonceSource nonces, HttpClient http)
    {
        Server = server;
        Client = client;
        Time = time;
        Guard = guard;
        Nonces = nonces;
        _http = http;
    }

    public FakeFuturesServer Server { get; }

    public FuturesRestClient Client { get; }

    public FakeTimeProvider Time { get; }

    public LockoutGuard Guard { get; }

    public FuturesTestNonceSource Nonces { get; }

    public static async Task<FuturesHarness> StartAsync(string? clientSecret = null, int maxRetries = 3, bool sendNonce = true)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 27, 10, 0, 0, TimeSpan.Zero));
        var server = await FakeFuturesServer.StartAsync(Path.Combine(AppContext.BaseDirectory, "Futures", "Fixtures"), time);
        server.AddKey(ApiKey, Secret);
        var credentials = KrakenCredentials.Create(ApiKey, clientSecret ?? Secret);
        var guard = new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), time);
        var nonces = new FuturesTestNonceSource();
        var http = new HttpClient();
        var options = new KrakenClientOptions { BaseUrl = server.BaseUrl, MaxRetries = maxRetries, RetryBaseDelay = TimeSpan.Zero };
        var client = new FuturesRestClient(http, options, time, new KrakenKey(credentials, nonces, guard)) { SendNonce = sendNonce };
        return new FuturesHarness(server, client, time, guard, nonces, http);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
