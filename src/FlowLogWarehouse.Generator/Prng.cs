using System.Numerics;
using System.Runtime.CompilerServices;

namespace FlowLogWarehouse.Generator;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own rather than <see cref="Random"/>, whose algorithm may change
/// between .NET versions: the same seed must give byte-identical files forever.
/// </summary>
internal struct Prng
{
    private ulong _s0, _s1, _s2, _s3;

    public Prng(ulong seed)
    {
        _s0 = Mix(seed);
        _s1 = Mix(_s0);
        _s2 = Mix(_s1);
        _s3 = Mix(_s2);
    }

    /// <summary>SplitMix64's finaliser: a stateless hash, used to derive per-file seeds and stable identities.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public static ulong Mix(ulong a, ulong b) => Mix(Mix(a) ^ b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, n) by multiply-shift (Lemire); the tiny bias does not matter for synthetic traffic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Below(int n) => (int)(((Next() >> 32) * (ulong)(uint)n) >> 32);

    /// <summary>Uniform in [min, max], both inclusive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Between(int min, int max) => min + Below(max - min + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double probability) => (Next() >> 11) < (ulong)(probability * (1UL << 53));

    /// <summary>Log-uniform in [1, 2^maxBits]: many small values, a long tail of large ones (packet counts, client ranks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long LogUniform(int maxBits)
    {
        var bits = Below(maxBits + 1);
        return 1 + (long)(Next() & ((1UL << bits) - 1));
    }
}
