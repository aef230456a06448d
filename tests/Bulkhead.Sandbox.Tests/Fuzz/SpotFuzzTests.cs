using System.Net;
using System.Text;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Fuzz;

public sealed class SpotFuzzTests
{
    private static readonly string[] Amounts = ["-5", "0", "NaN", "Infinity", "1e5", "", "99999999999999999999999999999999", "0.000000000000001", "1,5", " 1", "0x10", "1000000000000000000000", "+3", "١"];
    private static readonly string[] Assets = ["NOPE", "", "xbt ", "ZUSD\u0000", "../etc", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"];
    private static readonly string[] Methods = ["Withdraw", "AccountTransfer", "WalletTransfer", "CreateSubaccount", "Ledgers", "QueryLedgers", "TradeBalance", "Balance"];
    private static readonly string[] ContentTypes = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json", "application/x-www-form-urlencoded; charset=latin1"];

    [Fact]
    public async Task MalformedPrivateRequests_AlwaysKrakenEnvelope_NeverServerError_StateUnchanged()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var signer = sandbox.Key(sandbox.Master("desk", 1000m));
        var victim = sandbox.Key("desk");
        sandbox.Sub("mm", "desk");
        sandbox.Exchange.Deposit("mm", Wallet.Spot, "XXBT", 1m).Success.ShouldBeTrue();
        var subKey = sandbox.Key("mm");
        var before = Fingerprint(sandbox, victim, subKey);
        var random = new Random(5);
        var highestSigned = 0L;
        var cases = 2500;
        for (var i = 0; i < cases; i++)
        {
            // The fuzz is about answers and state, not the account's rate counter or lockouts of the signer.
            if (i % 10 == 0)
            {
                sandbox.Time.Advance(TimeSpan.FromMinutes(1));
            }

            var method = Methods[random.Next(Methods.Length)];
            var answer = random.Next(12) switch
            {
                0 => await sandbox.PrivateAsync(victim, method, signOverride: "not base64!!"),
                1 => await sandbox.PrivateAsync(victim, method, signOverride: Convert.ToBase64String(new byte[random.Next(0, 100)])),
                2 => await sandbox.RawAsync(HttpMethod.Post, "/0/private/" + method, Encoding.UTF8.GetBytes("nonce=1"), "application/x-www-form-urlencoded", random.Next(2) == 0 ? [("API-Key", victim.ApiKey)] : []),
                3 => await sandbox.SendAsync(victim, method, Encoding.UTF8.GetBytes("nonce=99999999999999999999999999"), 1, "application/x-www-form-urlencoded"),
                4 => await sandbox.SendAsync(victim, method, [0xC3, 0x28, 0xFF, 0xFE, (byte)'=', 0x80], 1, null),
                5 => await OversizedAsync(sandbox, victim, method, 70_000 + random.Next(1000)),
                6 => await sandbox.SendAsync(victim, method, Encoding.UTF8.GetBytes("nonce=5&nonce=6&asset=ZUSD&asset=XXBT"), 5, "application/x-www-form-urlencoded"),
                7 => await sandbox.SendAsync(victim, method, Encoding.UTF8.GetBytes("{\"nonce\":"), 1, ContentTypes[random.Next(ContentTypes.Length)]),
                8 => await sandbox.PrivateAsync(subKey, "Withdraw", $"asset=ZUSD&key=k&amount={Uri.EscapeDataString(Amounts[random.Next(Amounts.Length)])}"),
                _ => await SignedGarbageAsync(sandbox, signer, method, random, n => highestSigned = Math.Max(highestSigned, n)),
            };

            answer.Status.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge], answer.Body);
            if (answer.Status == HttpStatusCode.OK)
            {
                answer.Body.ShouldStartWith("{\"error\":[\"E", customMessage: answer.Body);
                answer.Body.ShouldNotContain("Exception");
                answer.Json.TryGetProperty("result", out _).ShouldBeFalse(answer.Body);
            }
        }

        Fingerprint(sandbox, victim, subKey).ShouldBe(before);
        sandbox.Exchange.NonceHighWater(signer.ApiKey).ShouldBeLessThanOrEqualTo(highestSigned);
    }

    // Over MaxBodyBytes the sandbox answers without reading the body; Kestrel may then close the connection while the
    // client is still sending, as a gateway would: a dropped connection counts as the gateway's 413.
    private static async Task<Answer> OversizedAsync(SpotSandbox sandbox, TestKey key, string method, int size)
    {
        try
        {
            return await sandbox.SendAsync(key, method, new byte[size], 1, "application/x-www-form-urlencoded");
        }
        catch (HttpRequestException)
        {
            return new Answer(HttpStatusCode.RequestEntityTooLarge, string.Empty);
        }
    }

    private static async Task<Answer> SignedGarbageAsync(SpotSandbox sandbox, TestKey key, string method, Random random, Action<long> sent)
    {
        var amount = Uri.EscapeDataString(Amounts[random.Next(Amounts.Length)]);
        var asset = Uri.EscapeDataString(Assets[random.Next(Assets.Length)]);
        var desk = Uri.EscapeDataString(sandbox.Exchange.FindAccount("desk")!.Iiban);
        var parameters = method switch
        {
            "Withdraw" => random.Next(2) == 0 ? $"asset={asset}&key=bank&amount=1" : $"asset=ZUSD&key=bank&amount={amount}",
            "AccountTransfer" => random.Next(3) switch
            {
                0 => $"asset={asset}&amount=1&from={desk}&to=XXXX",
                1 => $"asset=ZUSD&amount={amount}&from={desk}&to={desk}",
                _ => $"asset=ZUSD&amount=1&from=&to={desk}",
            },
            "WalletTransfer" => random.Next(2) == 0 ? $"asset=ZUSD&from=Spot%20Wallet&to=Futures%20Wallet&amount={amount}" : $"asset={asset}&from=Spot%20Wallet&to=Futures%20Wallet&amount=1",
            "CreateSubaccount" => random.Next(2) == 0 ? "username=Bad%20Name&email=a%40b.c" : "username=ok&email=nope",
            "Ledgers" => $"asset={asset}&start={amount}",
            "QueryLedgers" => random.Next(2) == 0 ? "id=" : "id=" + string.Join(',', Enumerable.Repeat("L", 21)),
            "TradeBalance" => $"asset={asset}",
            _ => $"x={amount}",
        };

        var nonce = sandbox.NextNonce();
        sent(nonce);
        var answer = await sandbox.PrivateAsync(key, method, parameters, nonce);
        if (answer.Error is null && method is "Balance" or "Ledgers" or "TradeBalance")
        {
            // A read may succeed (an empty filter); it changes nothing. Turn it into an envelope the caller accepts.
            return new Answer(HttpStatusCode.OK, "{\"error\":[\"Eread-ok\"]}");
        }

        return answer;
    }

    private static string Fingerprint(SpotSandbox sandbox, TestKey victim, TestKey sub)
    {
        var exchange = sandbox.Exchange;
        var builder = new StringBuilder();
        foreach (var account in exchange.Accounts)
        {
            builder.Append(account.Name).Append('|').Append(account.Master).Append('|').Append(account.Iiban).Append(';');
            foreach (var wallet in Enum.GetValues<Wallet>())
            {
                foreach (var (asset, amount) in exchange.Balances(account.Name, wallet).OrderBy(b => b.Key, StringComparer.Ordinal))
                {
                    builder.Append(wallet).Append(':').Append(asset).Append('=').Append(amount).Append(';');
                }
            }

            builder.Append("ledger=").Append(exchange.Ledger(account.Name, new LedgerQuery(Limit: 1000)).Count).Append(';');
        }

        builder.Append("victim=").Append(exchange.NonceHighWater(victim.ApiKey)).Append(';');
        return builder.ToString();
    }
}
