using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Tests.Api.Futures;
using Shouldly;

namespace Bulkhead.Sandbox.Tests.Sockets.Unified;

/// <summary>
/// A real sandbox on loopback (<see cref="FuturesSandbox"/>: in-memory store, fake clock, PF_XBTUSD marked at 100,000)
/// with accounts holding flex collateral, WebSocket tokens fetched from Spot REST <c>GetWebSocketsToken</c> with Spot keys,
/// and sockets on the Unified private endpoint <c>/v2/private</c>.
/// </summary>
internal sealed class UnifiedSandbox : IAsyncDisposable
{
    public const string Symbol = "PF_XBTUSD";
    private readonly HttpClient _http;
    private long _nonce = 1_800_000_000_000;
    private long _reqId;

    private UnifiedSandbox(FuturesSandbox futures)
    {
        Futures = futures;
        _http = new HttpClient { BaseAddress = futures.BaseUrl };
    }

    public FuturesSandbox Futures { get; }

    public SandboxExchange Exchange => Futures.Exchange;

    public static async Task<UnifiedSandbox> StartAsync()
    {
        var futures = await FuturesSandbox.StartAsync();
        futures.Exchange.UpdateMarkPrice(Symbol, 100_000m);
        return new UnifiedSandbox(futures);
    }

    /// <summary>A fresh request id.</summary>
    public long ReqId() => Interlocked.Increment(ref _reqId);

    /// <summary>Creates an account (a subaccount of <paramref name="master"/> if given) with <paramref name="flexUsd"/> in its flex wallet.</summary>
    public string Account(string name, decimal flexUsd, string? master = null)
    {
        Futures.Account(name, master);
        if (flexUsd > 0m)
        {
            Futures.Deposit(name, Wallet.FuturesFlex, "ZUSD", flexUsd);
        }

        return name;
    }

    /// <summary>A Spot key of <paramref name="account"/> and the WebSocket token Spot REST issues for it.</summary>
    public async Task<string> TokenAsync(string account, SpotPermission permissions = (SpotPermission)0x3FF)
    {
        var created = Exchange.CreateKey(new KeySpec(account, KeyVenue.Spot, permissions, FuturesAccess.None, false, 0, [], null, null, null));
        created.Success.ShouldBeTrue(created.Detail);
        const string path = "/0/private/GetWebSocketsToken";
        var nonce = Interlocked.Increment(ref _nonce);
        var body = Encoding.UTF8.GetBytes("nonce=" + nonce.ToString(CultureInfo.InvariantCulture));
        var sign = SpotSigner.Sign(KrakenCredentials.Create(created.Value.Key.Key, created.Value.SecretBase64), path, nonce, body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        request.Headers.TryAddWithoutValidation("API-Key", created.Value.Key.Key);
        request.Headers.TryAddWithoutValidation("API-Sign", sign);
        using var response = await _http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("error").GetArrayLength().ShouldBe(0, json.GetRawText());
        return json.GetProperty("result").GetProperty("token").GetString()!;
    }

    /// <summary>A Futures REST client of <paramref name="account"/> (to compare ids).</summary>
    public FuturesRestClient FuturesClient(string account) => Futures.Client(Futures.Key(account), sendNonce: false);

    /// <summary>A socket on <c>/v2/private</c>, past its status frame.</summary>
    public async Task<SocketClient> ConnectAsync()
    {
        var client = await SocketClient.ConnectAsync(Futures.BaseUrl, "/v2/private");
        await client.ChannelAsync("status");
        return client;
    }

    /// <summary>Sends a request with a fresh <c>req_id</c> and returns its (first) response.</summary>
    public async Task<JsonElement> RequestAsync(SocketClient client, string method, string parameters)
    {
        var id = ReqId();
        await client.SendAsync($$"""{"method":"{{method}}","params":{{parameters}},"req_id":{{id}}}""");
        return await client.ResponseAsync(id);
    }

    /// <summary>
    /// The <paramref name="count"/>-th message on <paramref name="channel"/> (of <paramref name="type"/> if given) since the
    /// socket opened — looked up in what was already read too, since a channel message may arrive before a method's response.
    /// </summary>
    public static async Task<JsonElement> MessageAsync(SocketClient client, string channel, int count, string? type = null)
    {
        bool Match(JsonElement e) => e.TryGetProperty("channel", out var c) && c.GetString() == channel
            && (type is null || (e.TryGetProperty("type", out var t) && t.GetString() == type));
        while (client.Seen.Count(Match) < count)
        {
            await client.WaitForAsync(Match);
        }

        return client.Seen.Where(Match).ElementAt(count - 1);
    }

    /// <summary>A resting or taking order of <paramref name="account"/> placed through the domain.</summary>
    public FuturesOrderResult Place(string account, Side side, decimal size, decimal price, string? clientId = null)
    {
        var result = Exchange.PlaceFuturesOrder(new FuturesOrderCommand(account, Symbol, side, FuturesOrderKind.Limit, size, price, false, clientId));
        result.Order.ShouldNotBeNull(result.Detail);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Futures.DisposeAsync();
    }
}
