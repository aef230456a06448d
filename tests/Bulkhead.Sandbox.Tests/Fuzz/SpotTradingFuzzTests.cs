using System.Globalization;
using System.Net;
using System.Text;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Fuzz;

/// <summary>Signed order requests with garbage arguments: always Kraken's envelope, never an internal error, the ledger always balanced.</summary>
public sealed class SpotTradingFuzzTests
{
    private static readonly string[] Methods = ["AddOrder", "AddOrderBatch", "AmendOrder", "EditOrder", "CancelOrder", "CancelAll", "CancelAllOrdersAfter", "OpenOrders", "ClosedOrders", "QueryOrders", "TradesHistory", "QueryTrades", "TradeVolume"];
    private static readonly string[] Names = ["pair", "type", "ordertype", "volume", "price", "oflags", "timeinforce", "expiretm", "userref", "cl_ord_id", "validate", "stptype", "txid", "order_qty", "limit_price", "timeout", "orders", "start", "end", "ofs", "trades", "leverage"];
    private static readonly string[] Values =
    [
        "XBTUSD", "XXBTZUSD", "ETHXBT", "NOPE", "buy", "sell", "limit", "market", "stop-loss", "0.1", "0.00001", "50000", "50000.05", "-1", "0", "1e5", "NaN",
        "79228162514264337593543950335", "999999999999999999999999", "0.000000000000000000001", "post", "fcib,fciq", "viqc", "GTD", "IOC", "+30", "+99999999999",
        "2147483648", "-2147483649", "true", "cancel-both", "[]", "[{\"type\":\"buy\"}]", "{", "86401", "", " ", "\u0000", "OABCDE-FGHIJ-KLMNOP",
    ];

    [Fact]
    public async Task GarbageOrderArguments_KrakenEnvelope_NeverInternalError_LedgerBalanced()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 1_000_000m));
        sandbox.Exchange.Deposit("desk", Wallet.Spot, "XXBT", 10m).Success.ShouldBeTrue();
        var random = new Random(11);
        for (var i = 0; i < 600; i++)
        {
            sandbox.Time.Advance(TimeSpan.FromSeconds(3));
            var method = Methods[random.Next(Methods.Length)];
            var fields = Enumerable.Range(0, random.Next(0, 9))
                .Select(_ => (Name: Names[random.Next(Names.Length)], Value: Values[random.Next(Values.Length)]))
                .DistinctBy(f => f.Name)
                .ToList();
            Answer answer;
            if (random.Next(4) == 0)
            {
                var nonce = sandbox.NextNonce();
                var json = "{\"nonce\":\"" + nonce.ToString(CultureInfo.InvariantCulture) + "\"" + string.Concat(fields.Select(f => ",\"" + f.Name + "\":" + (f.Name == "orders" && f.Value.StartsWith('[') ? f.Value : "\"" + f.Value.Replace("\u0000", "\\u0000", StringComparison.Ordinal) + "\""))) + "}";
                answer = await sandbox.SendAsync(key, method, Encoding.UTF8.GetBytes(json), nonce, "application/json");
            }
            else
            {
                answer = await sandbox.PrivateAsync(key, method, string.Join('&', fields.Select(f => f.Name + "=" + Uri.EscapeDataString(f.Value))));
            }

            answer.Status.ShouldBe(HttpStatusCode.OK, answer.Body);
            answer.Body.ShouldStartWith("{\"error\":[", customMessage: answer.Body);
            answer.Error.ShouldNotBe(KrakenErrors.InternalError, $"{method} {string.Join('&', fields)}");
        }

        sandbox.Exchange.UnbalancedMovements().ShouldBeEmpty();
        foreach (var asset in new[] { "ZUSD", "XXBT" })
        {
            sandbox.Exchange.Holds("desk", Wallet.Spot, asset).ShouldBeLessThanOrEqualTo(sandbox.Exchange.Balances("desk", Wallet.Spot).GetValueOrDefault(asset));
        }
    }
}
