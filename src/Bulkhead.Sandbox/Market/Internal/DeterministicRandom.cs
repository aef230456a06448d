namespace Bulkhead.Sandbox.Market.Internal;

/// <summary>
/// xoshiro256** seeded through SplitMix64: integer arithmetic only, so the same seed gives the same numbers on every
/// machine, runtime and version (System.Random's seeded algorithm is an implementation detail, and Math.Exp/Log may
/// differ in the last bit between platforms, so neither is used for the market).
/// </summary>
internal sealed class DeterministicRandom
{
    private const decimal TwoTo24 = 16_777_216m;
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A generator for <paramref name="seed"/> and a stream name (an asset, an instrument), independent per name.</summary>
    public DeterministicRandom(long seed, string stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var state = unchecked((ulong)seed) ^ Fnv1a(stream);
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform value in [0, 1) on a grid of 2^-24 (exact in decimal).</summary>
    public decimal NextUniform() => (NextUInt64() >> 40) / TwoTo24;

    /// <summary>An approximately standard normal value: the sum of 12 uniforms minus 6 (Irwin–Hall; range ±6, variance 1).</summary>
    public decimal NextNormal()
    {
        var sum = 0m;
        for (var i = 0; i < 12; i++)
        {
            sum += NextUniform();
        }

        return sum - 6m;
    }

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool NextBool(decimal probability) => NextUniform() < probability;

    private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));

    private static ulong SplitMix(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    // string.GetHashCode is randomised per process; FNV-1a over UTF-16 code units is stable everywhere.
    private static ulong Fnv1a(string text)
    {
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return hash;
        }
    }
}
