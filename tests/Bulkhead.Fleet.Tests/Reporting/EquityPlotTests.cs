using System.Buffers.Binary;
using System.IO.Compression;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Reporting;
using Shouldly;
using Xunit;
using static Bulkhead.Fleet.Tests.Reconciliation.Books;

namespace Bulkhead.Fleet.Tests.Reporting;

public sealed class EquityPlotTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkhead-plot-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void WritePng_TwoStrategies_WritesAValidPngOfTheAskedSize()
    {
        var points = Enumerable.Range(0, 40).SelectMany(i => new[]
        {
            new EquityPoint("mm", "mm", T0.AddSeconds(2 * i), 50_000m, i * 0.5m, (i % 7) - 3m, i * 0.01m),
            new EquityPoint("momo", "momo", T0.AddSeconds(2 * i), 40_000m, -i * 0.2m, 0m, i * 0.02m),
        }).ToList();
        var path = Path.Combine(_folder, "sub", "equity.png");

        EquityPlot.WritePng(points, path, width: 640, height: 320).ShouldBe(2);

        AssertPng(path, 640, 320);
    }

    [Fact]
    public void WritePng_NoPoints_StillWritesAPng()
    {
        var path = Path.Combine(_folder, "empty.png");

        EquityPlot.WritePng([], path).ShouldBe(0);

        AssertPng(path, EquityPlot.DefaultWidth, EquityPlot.DefaultHeight);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Signature, IHDR size, every chunk's length in bounds, the image data inflates, IEND last.</summary>
    private static void AssertPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        bytes.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var idat = new MemoryStream();
        var offset = 8;
        var chunks = new List<string>();
        while (offset < bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset, 4));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            (offset + 12 + length).ShouldBeLessThanOrEqualTo(bytes.Length);
            if (type == "IHDR")
            {
                BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset + 8, 4)).ShouldBe(width);
                BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset + 12, 4)).ShouldBe(height);
            }
            else if (type == "IDAT")
            {
                idat.Write(bytes, offset + 8, length);
            }

            chunks.Add(type);
            offset += 12 + length;
        }

        chunks[0].ShouldBe("IHDR");
        chunks[^1].ShouldBe("IEND");
        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        var pixels = new MemoryStream();
        inflate.CopyTo(pixels);
        pixels.Length.ShouldBeGreaterThan((long)height * width);
    }
}
