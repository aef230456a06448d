using Bulkhead.Kraken.Signing;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Signing;

/// <summary>For any secret, path and body: Verify accepts what Sign produced and rejects it once any one body byte changes.</summary>
public sealed class SignerPropertyTests
{
    // Bodies up to 3000 bytes cross the signers' 1024-byte stack buffer into the pooled path.
    private static readonly Gen<byte[]> Secret = Gen.Byte.Array[KrakenCredentials.MinimumSecretBytes, 128];
    private static readonly Gen<string> Method = Gen.String[Gen.Char.AlphaNumeric, 1, 40];
    private static readonly Gen<long> Nonce = Gen.Long[0, long.MaxValue];
    private static readonly Gen<byte[]> Body = Gen.Byte.Array[0, 3000];
    private static readonly Gen<string> PostData = Gen.String[Gen.Char.AlphaNumeric, 0, 3000];
    private static readonly Gen<int> Position = Gen.Int[0, int.MaxValue];
    private static readonly Gen<byte> Delta = Gen.Byte[1, 255];

    [Fact]
    public void SpotSigner_VerifyOfSign_AcceptsAndRejectsAnyOneByteChange()
    {
        Gen.Select(Secret, Method, Nonce, Body, Position, Delta).Sample((secret, method, nonce, body, position, delta) =>
        {
            var path = "/0/private/" + method;
            var nonceText = nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var apiSign = SpotSigner.Sign(secret, path, nonce, body);

            SpotSigner.Verify(secret, path, nonceText, body, apiSign).ShouldBeTrue();

            if (body.Length > 0)
            {
                var changed = (byte[])body.Clone();
                changed[position % changed.Length] ^= delta;
                SpotSigner.Verify(secret, path, nonceText, changed, apiSign).ShouldBeFalse();
            }

            SpotSigner.Verify(secret, path, nonceText, [.. body, 0], apiSign).ShouldBeFalse();
        }, iter: 2_000);
    }

    [Fact]
    public void FuturesSigner_VerifyOfSign_AcceptsAndRejectsAnyOneByteChange()
    {
        Gen.Select(Secret, Method, Nonce, PostData, Position, Gen.Bool).Sample((secret, method, nonce, postData, position, withNonce) =>
        {
            var urlPath = "/derivatives/api/v3/" + method;
            var nonceText = withNonce ? nonce.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            var authent = FuturesSigner.Sign(secret, postData, nonceText, urlPath);

            FuturesSigner.Verify(secret, postData, nonceText, urlPath, authent).ShouldBeTrue();
            FuturesSigner.Verify(secret, postData, nonceText, FuturesSigner.SignedPath(urlPath), authent).ShouldBeTrue();

            if (postData.Length > 0)
            {
                // postData is ASCII here, so one char is one byte; '~' is outside the generator's alphabet.
                var chars = postData.ToCharArray();
                chars[position % chars.Length] = '~';
                FuturesSigner.Verify(secret, new string(chars), nonceText, urlPath, authent).ShouldBeFalse();
            }
        }, iter: 2_000);
    }

    [Fact]
    public void FuturesSigner_LongNonce_EqualsInvariantStringNonce()
    {
        var credentials = KrakenCredentials.Create("property-key", Convert.ToBase64String(new byte[64]));
        Gen.Select(Gen.Long, PostData, Method).Sample((nonce, postData, method) =>
        {
            var urlPath = "/derivatives/api/v3/" + method;
            FuturesSigner.Sign(credentials, postData, nonce, urlPath)
                .ShouldBe(FuturesSigner.Sign(credentials, postData, nonce.ToString(System.Globalization.CultureInfo.InvariantCulture), urlPath));
        }, iter: 500);
    }

    [Fact]
    public void SpotSigner_SignWithCredentials_EqualsSignWithSecretBytes()
    {
        Gen.Select(Secret, Nonce, Body).Sample((secret, nonce, body) =>
        {
            var credentials = KrakenCredentials.Create("property-key", Convert.ToBase64String(secret));
            SpotSigner.Sign(credentials, "/0/private/AddOrder", nonce, body).ShouldBe(SpotSigner.Sign(secret, "/0/private/AddOrder", nonce, body));
        }, iter: 200);
    }
}
