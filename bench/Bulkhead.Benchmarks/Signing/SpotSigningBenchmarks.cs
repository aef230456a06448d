using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Benchmarks.Signing;

/// <summary>
/// Spot <c>API-Sign</c> for a typical AddOrder. Goal (issue): <see cref="SignAndNonce"/> within 1.3× of
/// <see cref="PhysicalFloor"/> and no allocation beyond the 88-character header string.
/// </summary>
[MemoryDiagnoser]
public class SpotSigningBenchmarks
{
    private const string Path = "/0/private/AddOrder";
    private const string Secret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    private const long FirstNonce = 1616492376594;

    // The body keeps a fixed nonce field: the signer hashes the nonce separately, so this measures sign + nonce draw.
    private const string Body = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25&oflags=post&cl_ord_id=6d1b345e-2821-40e2-ad83-4ecb18a06876";

    private KrakenCredentials _credentials = null!;
    // Through the interface on purpose: a client holds an INonceSource. The real persistent source, on a temp folder.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Measures the interface call a client makes.")]
    private INonceSource _nonces = null!;
    private DirectoryInfo _nonceFolder = null!;
    private byte[] _secret = null!;
    private byte[] _body = null!;
    private byte[] _nonceAndBody = null!;
    private byte[] _path = null!;

    [GlobalCleanup]
    public void Cleanup()
    {
        ((IDisposable)_nonces).Dispose();
        _nonceFolder.Delete(recursive: true);
    }

    [GlobalSetup]
    public void Setup()
    {
        _credentials = KrakenCredentials.Create("benchmark-key", Secret);
        _nonceFolder = Directory.CreateTempSubdirectory("bulkhead-bench-");
        _nonces = new NonceSource(FileNonceStore.Open(_nonceFolder.FullName, "benchmark-key", TimeProvider.System), new NonceOptions(), TimeProvider.System);
        _secret = Convert.FromBase64String(Secret);
        _body = Encoding.UTF8.GetBytes(Body);
        _nonceAndBody = Encoding.UTF8.GetBytes(FirstNonce.ToString(System.Globalization.CultureInfo.InvariantCulture) + Body);
        _path = Encoding.UTF8.GetBytes(Path);
    }

    /// <summary>The bare primitives on precomputed bytes: SHA-256, HMAC-SHA512, base64. No formatting, no nonce.</summary>
    [Benchmark(Baseline = true)]
    public string PhysicalFloor()
    {
        Span<byte> message = stackalloc byte[64];
        _path.CopyTo(message);
        SHA256.HashData(_nonceAndBody, message.Slice(_path.Length, SHA256.HashSizeInBytes));
        Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
        HMACSHA512.HashData(_secret, message[..(_path.Length + SHA256.HashSizeInBytes)], mac);
        return Convert.ToBase64String(mac);
    }

    /// <summary>What a request pays: draw a nonce, then sign.</summary>
    [Benchmark]
    public string SignAndNonce() => SpotSigner.Sign(_credentials, Path, _nonces.Next(), _body);
}
