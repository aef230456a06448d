using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Benchmarks.Signing;

/// <summary>
/// Futures <c>Authent</c> for a typical sendorder with a <c>Nonce</c> header. Goal (issue): <see cref="SignAndNonce"/>
/// within 1.3× of <see cref="PhysicalFloor"/> and no allocation beyond the 88-character header string.
/// </summary>
[MemoryDiagnoser]
public class FuturesSigningBenchmarks
{
    private const string UrlPath = "/derivatives/api/v3/sendorder";
    private const string SignedPath = "/api/v3/sendorder";
    private const string Secret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    private const long FirstNonce = 1616492376594;
    private const string PostData = "orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.001&limitPrice=50000&cliOrdId=6d1b345e-2821-40e2-ad83-4ecb18a06876";

    private KrakenCredentials _credentials = null!;
    // Through the interface on purpose: a client holds an INonceSource. The real persistent source, on a temp folder.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Measures the interface call a client makes.")]
    private INonceSource _nonces = null!;
    private DirectoryInfo _nonceFolder = null!;
    private byte[] _secret = null!;
    private byte[] _message = null!;

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
        _message = Encoding.UTF8.GetBytes(PostData + FirstNonce.ToString(System.Globalization.CultureInfo.InvariantCulture) + SignedPath);
    }

    /// <summary>The bare primitives on precomputed bytes: SHA-256, HMAC-SHA512, base64. No formatting, no nonce.</summary>
    [Benchmark(Baseline = true)]
    public string PhysicalFloor()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_message, digest);
        Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
        HMACSHA512.HashData(_secret, digest, mac);
        return Convert.ToBase64String(mac);
    }

    /// <summary>What a request pays: draw a nonce, then sign.</summary>
    [Benchmark]
    public string SignAndNonce() => FuturesSigner.Sign(_credentials, PostData, _nonces.Next(), UrlPath);
}
