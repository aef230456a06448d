using System.Text;
using Bulkhead.Kraken.Signing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Signing;

public sealed class SpotSignerTests
{
    // Kraken's own documentation example (shared/kraken/spot.md §2).
    private const string DocSecret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    private const long DocNonce = 1616492376594;
    private const string DocBody = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";
    private const string DocPath = "/0/private/AddOrder";
    private const string DocApiSign = "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";

    private static readonly byte[] DocSecretBytes = Convert.FromBase64String(DocSecret);
    private static readonly byte[] DocBodyBytes = Encoding.UTF8.GetBytes(DocBody);

    [Fact]
    public void Sign_KrakenDocumentedExample_ReproducesApiSign()
    {
        var credentials = KrakenCredentials.Create("doc-example-key", DocSecret);

        var apiSign = SpotSigner.Sign(credentials, DocPath, DocNonce, DocBodyBytes);

        apiSign.ShouldBe(DocApiSign);
        apiSign.Length.ShouldBe(88);
    }

    [Fact]
    public void Verify_KrakenDocumentedExample_Accepts()
    {
        SpotSigner.Verify(DocSecretBytes, DocPath, "1616492376594", DocBodyBytes, DocApiSign).ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(63)]
    public void Verify_OneBitFlippedInSignature_Rejects(int byteIndex)
    {
        var mac = Convert.FromBase64String(DocApiSign);
        mac[byteIndex] ^= 0x01;

        SpotSigner.Verify(DocSecretBytes, DocPath, "1616492376594", DocBodyBytes, Convert.ToBase64String(mac)).ShouldBeFalse();
    }

    [Fact]
    public void Verify_SignatureTooShort_Rejects()
    {
        var mac = Convert.FromBase64String(DocApiSign);

        SpotSigner.Verify(DocSecretBytes, DocPath, "1616492376594", DocBodyBytes, Convert.ToBase64String(mac.AsSpan(0, 63))).ShouldBeFalse();
    }

    [Fact]
    public void Verify_SignatureTooLong_Rejects()
    {
        var longer = Convert.FromBase64String(DocApiSign).Append((byte)0).ToArray();

        SpotSigner.Verify(DocSecretBytes, DocPath, "1616492376594", DocBodyBytes, Convert.ToBase64String(longer)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ=")]
    [InlineData("4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ=*")]
    public void Verify_NotBase64_Rejects(string apiSign)
    {
        SpotSigner.Verify(DocSecretBytes, DocPath, "1616492376594", DocBodyBytes, apiSign).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_NullOrEmptySignature_Rejects(string? apiSign)
    {
        SpotSigner.Verify(DocSecretBytes, DocPath, "1616492376594", DocBodyBytes, apiSign).ShouldBeFalse();
    }

    [Fact]
    public void Verify_OtherNonce_Rejects()
    {
        SpotSigner.Verify(DocSecretBytes, DocPath, "1616492376595", DocBodyBytes, DocApiSign).ShouldBeFalse();
    }

    [Fact]
    public void Verify_OtherPath_Rejects()
    {
        SpotSigner.Verify(DocSecretBytes, "/0/private/EditOrder", "1616492376594", DocBodyBytes, DocApiSign).ShouldBeFalse();
    }

    [Fact]
    public void Sign_TypicalRequest_AllocatesOnlyTheHeaderString()
    {
        var credentials = KrakenCredentials.Create("doc-example-key", DocSecret);
        _ = SpotSigner.Sign(credentials, DocPath, DocNonce, DocBodyBytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = SpotSigner.Sign(credentials, DocPath, DocNonce + i, DocBodyBytes);
        }

        // An 88-character string is 200 bytes on 64-bit .NET.
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThanOrEqualTo(100 * 200);
    }

    [Fact]
    public void Verify_StringNonce_AllocatesNothing()
    {
        _ = SpotSigner.Verify(DocSecretBytes, DocPath, "1616492376594", DocBodyBytes, DocApiSign);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = SpotSigner.Verify(DocSecretBytes, DocPath, "1616492376594", DocBodyBytes, DocApiSign);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void Sign_NullCredentials_Throws()
    {
        Should.Throw<ArgumentNullException>(() => SpotSigner.Sign((KrakenCredentials)null!, DocPath, DocNonce, DocBodyBytes));
    }
}
