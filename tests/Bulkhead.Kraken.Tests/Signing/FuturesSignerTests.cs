using Bulkhead.Kraken.Signing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Signing;

public sealed class FuturesSignerTests
{
    // shared/kraken/futures.md §1.6. A is python-kraken-sdk's golden value; B–I were computed independently
    // (hashlib/hmac and node:crypto) with the public example secret from Kraken's Spot auth docs.
    private const string SdkSecret = "cHl0aG9uLWtyYWtlbi1zZGsgdW5pdC10ZXN0IHNlY3JldCB2YWx1ZQ==";
    private const string DocSecret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    private const string SendOrderB = "orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.001&limitPrice=50000";
    private const string VectorAAuthent = "Txi+gJVXe3EN1brXYQ46FuV6UVtEVSKhc6dYMhPb7a/HXZLGvO6m9UUg+KVKqhLxrbllOPI7qRkHYmPfJZZSGA==";

    public static TheoryData<string, string, string, string, string, string> Vectors => new()
    {
        { "A", SdkSecret, "orderType=lmt&symbol=PI_XBTUSD", "1616492376594", "/derivatives/api/v3/sendorder", VectorAAuthent },
        { "B", DocSecret, SendOrderB, "1616492376594", "/derivatives/api/v3/sendorder", "jmZAiblbuIsOxz/pZAlNgIVUOo5pUCCEdAfshAdJe6Jw7Xc2UzQCgQwJ9YoM5QM1xHR5JFf75eF6GhmJ4E3INA==" },
        { "C", DocSecret, SendOrderB, "", "/derivatives/api/v3/sendorder", "y4HGHuDEEjx6Zo6JMKaV8V7XRCMF6/BlRiYD1qCX22fqgiYA+A7TNvjgZpc4ghOUR7ModvGe8rOojB/OycSPhQ==" },
        { "D", DocSecret, "", "", "/derivatives/api/v3/accounts", "nJH9pTKkNbq08nxmP9E1eRLJOXsXZEQWSB4zXBICD91l16ZzyGddRkBKrB55ZwPEwFQy+iSRX9DQMNlD5OmKEA==" },
        { "E", DocSecret, "count=500&sort=asc", "", "/api/history/v3/account-log", "X6+83QtbJ/gP1aYdfpeyddZr9GsYA/LPSGHmzaNdI0gvxehekVwy51BZGPraJiR/FP4PY7EY7aW8bCWiIGqeTQ==" },
        {
            "F", DocSecret, """json={"batchOrder":[{"order":"cancel","order_id":"e35d61dd-8a30-4d5f-a574-b5593ef0c050"}]}""", "",
            "/derivatives/api/v3/batchorder", "nFRY0m8s95GpkfzbzlXpsslsMnK4t/r0BuVQ0MCwOanY7KUQD/0Q8bLpn5pe3g1s/OLcWB1PosrMqWYmj7uIqA=="
        },
        {
            "G", DocSecret, "json=%7B%22batchOrder%22%3A%5B%7B%22order%22%3A%22cancel%22%2C%22order_id%22%3A%22e35d61dd-8a30-4d5f-a574-b5593ef0c050%22%7D%5D%7D", "",
            "/derivatives/api/v3/batchorder", "kAtY9PB4amUkTbd5sHF3MeJwqJy0JZzwDgMaTOJIF5iHCk18Ldpuo4zw59mzQo1VewCX1+xecYUz5u1b4xFxyQ=="
        },
        { "H", DocSecret, "cliOrdId=my%20order&orderType=lmt", "", "/derivatives/api/v3/sendorder", "K//4EieUvMqrU+hCYfFprc1qHxhF12X/QcBovJo9kiASG+ltU8aGfPLJymM8VBJB9ugiztc/cuQswKL1W3I9bg==" },
        { "I", DocSecret, "cliOrdId=my order&orderType=lmt", "", "/derivatives/api/v3/sendorder", "D5Q/S0wHchSbd7jFJvnrSl/aG1zUuDsHnV2sA2325m/loxXcYOIQo2iLEqS+BL6jXFsuRyz3ze7Wp/CqKhZJQQ==" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sign_DocumentedVector_ReproducesAuthent(string vector, string secret, string postData, string nonce, string urlPath, string authent)
    {
        var credentials = KrakenCredentials.Create($"vector-{vector}-key", secret);

        FuturesSigner.Sign(credentials, postData, nonce, urlPath).ShouldBe(authent);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_DocumentedVector_Accepts(string vector, string secret, string postData, string nonce, string urlPath, string authent)
    {
        _ = vector;
        FuturesSigner.Verify(Convert.FromBase64String(secret), postData, nonce, urlPath, authent).ShouldBeTrue();
    }

    [Fact]
    public void Sign_LongNonceVectorB_ReproducesAuthent()
    {
        var credentials = KrakenCredentials.Create("vector-B-key", DocSecret);

        FuturesSigner.Sign(credentials, SendOrderB, 1616492376594L, "/derivatives/api/v3/sendorder")
            .ShouldBe("jmZAiblbuIsOxz/pZAlNgIVUOo5pUCCEdAfshAdJe6Jw7Xc2UzQCgQwJ9YoM5QM1xHR5JFf75eF6GhmJ4E3INA==");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Sign_LongNonce_EqualsInvariantStringNonce(long nonce)
    {
        var credentials = KrakenCredentials.Create("key", DocSecret);

        FuturesSigner.Sign(credentials, SendOrderB, nonce, "/derivatives/api/v3/sendorder")
            .ShouldBe(FuturesSigner.Sign(credentials, SendOrderB, nonce.ToString(System.Globalization.CultureInfo.InvariantCulture), "/derivatives/api/v3/sendorder"));
    }

    [Fact]
    public void Sign_TypicalRequest_AllocatesOnlyTheHeaderString()
    {
        var credentials = KrakenCredentials.Create("key", DocSecret);
        _ = FuturesSigner.Sign(credentials, SendOrderB, 1616492376594L, "/derivatives/api/v3/sendorder");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = FuturesSigner.Sign(credentials, SendOrderB, 1616492376594L + i, "/derivatives/api/v3/sendorder");
        }

        // An 88-character string is 200 bytes on 64-bit .NET.
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThanOrEqualTo(100 * 200);
    }

    [Fact]
    public void Sign_DerivativesPrefixOrStrippedPath_SignSame()
    {
        var credentials = KrakenCredentials.Create("key", DocSecret);

        FuturesSigner.Sign(credentials, SendOrderB, "", "/api/v3/sendorder")
            .ShouldBe(FuturesSigner.Sign(credentials, SendOrderB, "", "/derivatives/api/v3/sendorder"));
    }

    [Theory]
    [InlineData("/derivatives/api/v3/sendorder", "/api/v3/sendorder")]
    [InlineData("/derivatives/api/v3/subaccount/abc/trading-enabled", "/api/v3/subaccount/abc/trading-enabled")]
    [InlineData("/api/history/v3/account-log", "/api/history/v3/account-log")]
    [InlineData("/api/v3/sendorder", "/api/v3/sendorder")]
    [InlineData("/derivativesx/api/v3/sendorder", "/derivativesx/api/v3/sendorder")]
    [InlineData("/derivatives", "/derivatives")]
    [InlineData("/api/derivatives/api/v3/x", "/api/derivatives/api/v3/x")]
    [InlineData("/derivatives/derivatives/api/v3/x", "/derivatives/api/v3/x")]
    [InlineData("/Derivatives/api/v3/x", "/Derivatives/api/v3/x")]
    public void SignedPath_StripsOnlyOneLeadingDerivatives(string urlPath, string signedPath)
    {
        FuturesSigner.SignedPath(urlPath).ShouldBe(signedPath);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(63)]
    public void Verify_OneBitFlippedInAuthent_Rejects(int byteIndex)
    {
        var mac = Convert.FromBase64String(VectorAAuthent);
        mac[byteIndex] ^= 0x80;

        VerifyVectorA(Convert.ToBase64String(mac)).ShouldBeFalse();
    }

    [Fact]
    public void Verify_AuthentWrongLength_Rejects()
    {
        var mac = Convert.FromBase64String(VectorAAuthent);

        VerifyVectorA(Convert.ToBase64String(mac.AsSpan(0, 48))).ShouldBeFalse();
        VerifyVectorA(Convert.ToBase64String([.. mac, 0])).ShouldBeFalse();
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("Txi+gJVXe3EN1brXYQ46FuV6UVtEVSKhc6dYMhPb7a/HXZLGvO6m9UUg+KVKqhLxrbllOPI7qRkHYmPfJZZSGA=")]
    [InlineData("Txi-gJVXe3EN1brXYQ46FuV6UVtEVSKhc6dYMhPb7a_HXZLGvO6m9UUg-KVKqhLxrbllOPI7qRkHYmPfJZZSGA==")]
    public void Verify_AuthentNotBase64_Rejects(string authent)
    {
        VerifyVectorA(authent).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_NullOrEmptyAuthent_Rejects(string? authent)
    {
        VerifyVectorA(authent).ShouldBeFalse();
    }

    [Fact]
    public void Verify_NonceDroppedOrAdded_Rejects()
    {
        var secret = Convert.FromBase64String(SdkSecret);

        FuturesSigner.Verify(secret, "orderType=lmt&symbol=PI_XBTUSD", "", "/derivatives/api/v3/sendorder", VectorAAuthent).ShouldBeFalse();
    }

    private static bool VerifyVectorA(string? authent) =>
        FuturesSigner.Verify(Convert.FromBase64String(SdkSecret), "orderType=lmt&symbol=PI_XBTUSD", "1616492376594", "/derivatives/api/v3/sendorder", authent);
}
