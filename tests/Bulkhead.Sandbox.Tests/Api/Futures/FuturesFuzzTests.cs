using System.Net;
using System.Text.Json;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

public sealed class FuturesFuzzTests
{
    [Fact]
    public async Task PrivateEndpoints_MalformedRequests_AlwaysKrakenErrorNever500AndNoStateChange()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "xbt", 1m);
        var key = sandbox.Key("desk", withdraw: true);
        var paths = new[] { "transfer", "transfer/subaccount", "withdrawal", "accounts", "subaccounts", "subaccount/x/trading-enabled" };
        var queries = new[]
        {
            "", "amount=", "amount=%", "amount=%ZZ", "amount=1&amount=1", "unit=xbt&amount=-0&fromAccount=cash&toAccount=flex",
            "unit=%00&amount=1&fromAccount=cash&toAccount=flex", "fromUser=" + new string('x', 2000) + "&toUser=mm&fromAccount=cash&toAccount=cash&unit=xbt&amount=1",
            "currency=xbt&amount=1e400", "currency=xbt&amount=" + new string('9', 100), "json={not json", "json=%7B%22a%22%3A1%7D", "&&&==&",
        };
        var random = new Random(5);
        var count = 0;
        foreach (var path in paths)
        {
            foreach (var query in queries)
            {
                var method = random.Next(3) switch { 0 => HttpMethod.Get, 1 => HttpMethod.Put, _ => HttpMethod.Post };
                var variant = random.Next(3);
                var answer = variant switch
                {
                    0 => await sandbox.RawAsync(method, "/derivatives/api/v3/" + path, query, key),
                    1 => await sandbox.RawAsync(method, "/derivatives/api/v3/" + path, query, key, secretOverride: Convert.ToBase64String(new byte[64])),
                    _ => await sandbox.RawAsync(method, "/derivatives/api/v3/" + path, query, key, body: query),
                };
                count++;
                ((int)answer.Status).ShouldBeLessThan(500, answer.Body);
                var json = JsonDocument.Parse(answer.Body).RootElement;
                if (json.TryGetProperty("result", out var result) && result.GetString() == "error")
                {
                    json.GetProperty("error").GetString().ShouldNotBeNullOrEmpty();
                    answer.Body.ShouldNotContain(" at ");
                }
            }
        }

        count.ShouldBe(paths.Length * queries.Length);
        sandbox.Balance("desk", Wallet.FuturesCash, "XXBT").ShouldBe(1m);
        sandbox.Exchange.TotalsByAsset()["XXBT"].ShouldBe(1m);
    }

    [Fact]
    public async Task Transfer_MissingOrBrokenAuthHeaders_AuthenticationError()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        using var http = new HttpClient();
        foreach (var (apiKey, authent) in new[] { ((string?)null, (string?)null), ("nobody", "!!notbase64!!"), ("", "") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox.BaseUrl, "derivatives/api/v3/transfer?amount=1"));
            if (apiKey is not null)
            {
                request.Headers.TryAddWithoutValidation("APIKey", apiKey);
                request.Headers.TryAddWithoutValidation("Authent", authent);
            }

            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            JsonDocument.Parse(body).RootElement.GetProperty("error").GetString().ShouldBe("authenticationError");
        }
    }

    [Fact]
    public async Task Transfer_OversizedBody_BadRequestNever500()
    {
        await using var sandbox = await FuturesSandbox.StartAsync(new SandboxOptions { InMemory = true, MaxBodyBytes = 1024 });
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "xbt", 1m);

        RawAnswer? answer = null;
        try
        {
            answer = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/transfer", key: sandbox.Key("desk"), body: "amount=" + new string('1', 4096));
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection on an oversized upload (a gateway would answer 413): acceptable, not a 500.
        }

        if (answer is not null)
        {
            ((int)answer.Status).ShouldBeLessThan(500);
            answer.Result.ShouldBe("error");
        }

        sandbox.Balance("desk", Wallet.FuturesCash, "XXBT").ShouldBe(1m);
    }
}
