using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bulkhead.Fleet.Provisioning;

/// <summary>
/// A small client of the sandbox's admin API (<c>/admin/…</c>, docs/sandbox.md) over HTTP, for provisioning. It does not
/// reference the sandbox's code: the wire format is the contract. The bearer token is never printed.
/// </summary>
public sealed class SandboxAdminClient
{
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _token;

    /// <summary>Creates a client.</summary>
    /// <param name="http">The HTTP client (owned by the caller).</param>
    /// <param name="baseUrl">The sandbox's admin base URL, e.g. <c>http://127.0.0.1:8787</c>.</param>
    /// <param name="token">The admin bearer token.</param>
    public SandboxAdminClient(HttpClient http, Uri baseUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _http = http;
        _baseUrl = new Uri(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        _token = token.Trim();
    }

    /// <summary>Every account: its name, its master (null for a master) and its IIBAN.</summary>
    public async Task<ImmutableArray<SandboxAccountInfo>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        using var document = await SendAsync(HttpMethod.Get, "admin/accounts", null, cancellationToken).ConfigureAwait(false);
        return [.. document.RootElement.EnumerateArray().Select(a => new SandboxAccountInfo(Text(a, "name")!, Text(a, "master")) { Iiban = Text(a, "iiban"), VolumeUsd30d = Amount(a, "volumeUsd30d") })];
    }

    /// <summary>Creates a master (<paramref name="master"/> null) or a subaccount.</summary>
    public async Task CreateAccountAsync(string name, string? master, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, "admin/accounts", new { name, master }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the admin part of <paramref name="account"/>'s 30-day USD volume (what its fee tier adds its trades to).</summary>
    public async Task SetVolumeAsync(string account, decimal volumeUsd30d, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Put, "admin/accounts/" + Uri.EscapeDataString(account) + "/volume", new { volumeUsd30d = volumeUsd30d.ToString(CultureInfo.InvariantCulture) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The keys of <paramref name="account"/> (never their secrets).</summary>
    public async Task<ImmutableArray<SandboxKeyInfo>> ListKeysAsync(string account, CancellationToken cancellationToken)
    {
        using var document = await SendAsync(HttpMethod.Get, "admin/keys?account=" + Uri.EscapeDataString(account), null, cancellationToken).ConfigureAwait(false);
        return [.. document.RootElement.EnumerateArray().Select(k => new SandboxKeyInfo(
            Text(k, "key")!,
            Text(k, "account")!,
            Text(k, "venue")!,
            k.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.Array ? [.. p.EnumerateArray().Select(x => x.GetString()!)] : [],
            Text(k, "futures"),
            k.TryGetProperty("withdraw", out var w) && w.ValueKind == JsonValueKind.True,
            k.TryGetProperty("ipAllowlist", out var ips) && ips.ValueKind == JsonValueKind.Array ? [.. ips.EnumerateArray().Select(x => x.GetString()!)] : [],
            Time(k, "expiresAt"),
            Time(k, "revokedAt")))];
    }

    /// <summary>Creates a key; the answer holds its secret, which the sandbox shows only this once.</summary>
    public async Task<SandboxCreatedKey> CreateKeyAsync(SandboxKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        object body = request.Venue == "futures"
            ? new { account = request.Account, futures = request.Futures ?? "none", withdraw = request.Withdraw, nonceWindow = 0, ipAllowlist = request.IpAllowlist, expiresAt = request.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture) }
            : new { account = request.Account, permissions = request.Permissions, nonceWindow = 0, ipAllowlist = request.IpAllowlist, expiresAt = request.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture) };
        using var document = await SendAsync(HttpMethod.Post, "admin/keys", body, cancellationToken).ConfigureAwait(false);
        var key = Text(document.RootElement, "key");
        var secret = Text(document.RootElement, "secret");
        if (key is null || secret is null)
        {
            throw new SandboxAdminException("the sandbox created a key but its answer has no \"key\" and \"secret\"; is it a Bulkhead sandbox?");
        }

        return new SandboxCreatedKey(key, secret);
    }

    /// <summary>Revokes a key.</summary>
    public async Task RevokeKeyAsync(string key, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Delete, "admin/keys/" + Uri.EscapeDataString(key), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The assets already deposited from outside into <paramref name="account"/>'s <paramref name="wallet"/> (ledger entries of type deposit).</summary>
    public async Task<ImmutableHashSet<string>> DepositedAssetsAsync(string account, string wallet, CancellationToken cancellationToken)
    {
        using var document = await SendAsync(HttpMethod.Get, "admin/ledger?account=" + Uri.EscapeDataString(account), null, cancellationToken).ConfigureAwait(false);
        var walletName = wallet == "futures" ? "futuresFlex" : wallet;
        return [.. document.RootElement.EnumerateArray()
            .Where(e => Text(e, "type") == "deposit" && Text(e, "wallet") == walletName)
            .Select(e => Text(e, "asset")!)];
    }

    /// <summary>Deposits funds from outside; answers the asset id the sandbox booked (e.g. <c>ZUSD</c> for <c>USD</c>).</summary>
    public async Task<string> DepositAsync(string account, string asset, decimal amount, string wallet, CancellationToken cancellationToken)
    {
        using var document = await SendAsync(HttpMethod.Post, "admin/deposits", new { account, asset, amount = amount.ToString(CultureInfo.InvariantCulture), wallet }, cancellationToken).ConfigureAwait(false);
        return document.RootElement.TryGetProperty("entries", out var entries) && entries.ValueKind == JsonValueKind.Array && entries.GetArrayLength() > 0
            ? Text(entries[0], "asset") ?? asset
            : asset;
    }

    /// <inheritdoc />
    public override string ToString() => $"SandboxAdminClient({_baseUrl})";

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        string text;
        int status;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SandboxAdminException($"cannot reach the sandbox admin API at {_baseUrl}: {e.Message}; is the sandbox running (bulkhead sandbox serve)?", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SandboxAdminException($"the sandbox admin API at {_baseUrl} did not answer in time", e);
        }

        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // Reported below without quoting the body.
        }

        if (status is >= 200 and < 300 && document is not null)
        {
            return document;
        }

        using (document)
        {
            var error = document is { RootElement.ValueKind: JsonValueKind.Object } d && d.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
            throw new SandboxAdminException($"the sandbox refused {method} /{path.Split('?')[0]} (HTTP {status}): {error ?? "an answer that is not the admin API's JSON"}") { Status = status };
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Amount(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
            JsonValueKind.Number => value.GetDecimal(),
            _ => (decimal?)null,
        };
    }

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}
