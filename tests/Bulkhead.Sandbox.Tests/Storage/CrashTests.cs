using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using Bulkhead.Kraken.Signing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Storage;

/// <summary>
/// Issue 5: concurrent deposits, transfers and withdrawals against a real <c>bulkhead sandbox serve</c> process, SIGKILL
/// mid-run, restart on the same data folder: every acknowledged operation is there, none is half-applied, totals are
/// conserved, no balance is negative, and no answered nonce is accepted again (issue 15: the nonce mark rides in the
/// request's own commit).
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const string Token = "crash-test-token";
    private static readonly string[] Accounts = ["desk", "mm", "arb", "other"];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_KilledMidRunAndRestarted_AcknowledgedOperationsPresentNoneHalfAppliedTotalsConserved()
    {
        var ct = TestContext.Current.CancellationToken;
        var acknowledged = new ConcurrentBag<string>();
        KrakenCredentials? signer = null;
        var lastSpent = 0L;
        using (var server = await ServeProcess.StartAsync(_folder.Path, Token))
        {
            using var http = Client(server.BaseUrl);
            var iibans = new List<string>();
            foreach (var (name, master) in new[] { ("desk", (string?)null), ("mm", "desk"), ("arb", "desk"), ("other", null) })
            {
                using var created = await http.PostAsJsonAsync("admin/accounts", new { name, master }, ct);
                iibans.Add((await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("iiban").GetString()!);
            }

            using var keyAnswer = await http.PostAsJsonAsync("admin/keys", new { account = "desk", permissions = new[] { "Withdraw Funds" } }, ct);
            var key = await keyAnswer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct);
            (await http.PostAsJsonAsync("admin/deposits", new { account = "desk", asset = "ZUSD", amount = "100000" }, ct)).EnsureSuccessStatusCode();
            var credentials = KrakenCredentials.Create(key.GetProperty("key").GetString()!, key.GetProperty("secret").GetString()!);
            signer = credentials;

            var enough = new TaskCompletionSource();
            var acks = 0;
            var spotAcks = 0;
            var workers = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
            {
                var random = new Random(worker);
                while (true)
                {
                    var (path, body) = RandomOperation(random);
                    try
                    {
                        using var response = await http.PostAsJsonAsync(path, body, CancellationToken.None);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            var refid = (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("refid").GetString()!;
                            acknowledged.Add(refid);
                            if (Interlocked.Increment(ref acks) == 300)
                            {
                                enough.TrySetResult();
                            }
                        }
                        else
                        {
                            ((int)response.StatusCode).ShouldBeInRange(400, 499);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // The server is gone.
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            }, ct)).ToList();

            // One signed Spot caller (strictly increasing nonces): AccountTransfer inside the desk family, by IIBAN.
            workers.Add(Task.Run(async () =>
            {
                var random = new Random(99);
                var nonce = 1_800_000_000_000L;
                while (true)
                {
                    var from = random.Next(3);
                    var to = (from + 1 + random.Next(2)) % 3;
                    var body = string.Create(CultureInfo.InvariantCulture,
                        $"nonce={++nonce}&asset=ZUSD&amount={random.Next(1, 50_000) / 100m}&from={Uri.EscapeDataString(iibans[from])}&to={Uri.EscapeDataString(iibans[to])}");
                    using var request = new HttpRequestMessage(HttpMethod.Post, "0/private/AccountTransfer")
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
                    };
                    request.Headers.Add("API-Key", credentials.ApiKey);
                    request.Headers.Add("API-Sign", SpotSigner.Sign(credentials, "/0/private/AccountTransfer", nonce, Encoding.UTF8.GetBytes(body)));
                    try
                    {
                        using var response = await http.SendAsync(request, CancellationToken.None);
                        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
                        if (answer.GetProperty("error").GetArrayLength() == 0)
                        {
                            acknowledged.Add(answer.GetProperty("result").GetProperty("transfer_id").GetString()!);
                            Interlocked.Increment(ref spotAcks);
                            Volatile.Write(ref lastSpent, nonce);
                        }
                        else if (answer.GetProperty("error")[0].GetString() == "EAPI:Rate limit exceeded")
                        {
                            // The account's Spot counter is full: pace like a polite client until it decays.
                            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, CancellationToken.None);
                        }
                        else
                        {
                            answer.GetProperty("error")[0].GetString().ShouldBe("EFunding:Insufficient funds", answer.ToString());
                            Volatile.Write(ref lastSpent, nonce); // refused after authentication: the nonce is spent too
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            }, ct));

            await enough.Task.WaitAsync(ct);
            server.Kill();
            await Task.WhenAll(workers);
            spotAcks.ShouldBeGreaterThan(0);
        }

        using var restarted = await ServeProcess.StartAsync(_folder.Path, Token);
        using var client = Client(restarted.BaseUrl);
        var entries = (await client.GetFromJsonAsync<JsonElement>("admin/ledger", ct)).EnumerateArray().ToList();
        var byRefid = entries.GroupBy(e => e.GetProperty("refid").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(300);
        foreach (var refid in acknowledged)
        {
            byRefid.ShouldContainKey(refid);
        }

        foreach (var (refid, movement) in byRefid)
        {
            movement.Count.ShouldBe(2, refid);
            movement.GroupBy(e => e.GetProperty("asset").GetString()).ShouldAllBe(g => g.Sum(e => Amount(e, "amount")) == 0m);
        }

        entries.Where(e => !e.GetProperty("account").GetString()!.StartsWith('@')).ShouldAllBe(e => Amount(e, "balance") >= 0m);
        var conservation = await client.GetFromJsonAsync<JsonElement>("admin/conservation", ct);
        conservation.GetProperty("conserved").GetBoolean().ShouldBeTrue(conservation.ToString());

        // The last answered nonce was durable before its answer: replayed after the restart, it is refused.
        lastSpent.ShouldBeGreaterThan(0);
        var replay = string.Create(CultureInfo.InvariantCulture, $"nonce={lastSpent}&asset=ZUSD&amount=1&from=x&to=y");
        using (var replayed = new HttpRequestMessage(HttpMethod.Post, "0/private/AccountTransfer") { Content = new StringContent(replay, Encoding.UTF8, "application/x-www-form-urlencoded") })
        {
            replayed.Headers.Add("API-Key", signer!.ApiKey);
            replayed.Headers.Add("API-Sign", SpotSigner.Sign(signer, "/0/private/AccountTransfer", lastSpent, Encoding.UTF8.GetBytes(replay)));
            using var refused = await client.SendAsync(replayed, ct);
            (await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error")[0].GetString().ShouldBe("EAPI:Invalid nonce");
        }

        // The restarted server keeps working on the recovered state.
        (await client.PostAsJsonAsync("admin/deposits", new { account = "mm", asset = "ZUSD", amount = "1" }, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<JsonElement>("admin/conservation", ct)).GetProperty("conserved").GetBoolean().ShouldBeTrue();
    }

    private static (string Path, object Body) RandomOperation(Random random)
    {
        var account = Accounts[random.Next(Accounts.Length)];
        var asset = random.Next(2) == 0 ? "ZUSD" : "XXBT";
        var amount = (random.Next(1, 100_000) / 100m).ToString(CultureInfo.InvariantCulture);
        return random.Next(5) switch
        {
            0 or 1 => ("admin/deposits", new { account, asset, amount }),
            2 => ("admin/withdrawals", new { account, asset, amount }),
            _ => ("admin/transfers", new { from = account, to = Accounts[random.Next(Accounts.Length)], asset, amount }),
        };
    }

    private static decimal Amount(JsonElement entry, string field) =>
        decimal.Parse(entry.GetProperty(field).GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static HttpClient Client(Uri baseUrl)
    {
        var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return http;
    }
}
