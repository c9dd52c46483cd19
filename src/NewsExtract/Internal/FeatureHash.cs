using System.Runtime.CompilerServices;

namespace NewsExtract.Internal;

/// <summary>
/// The 64-bit hashing every hashed-feature model of the library shares: FNV-1a over characters for token
/// forms, and one mixer that combines a template id with a value (or two values) into a well-mixed key.
/// The entity tagger (<c>NerHash</c>) and the sentence-boundary model (<c>SentenceFeatures</c>) both hash
/// through these functions, so their trained resources stay valid only as long as these stay bit for bit
/// the same.
/// </summary>
internal static class FeatureHash
{
    /// <summary>The FNV-1a 64-bit offset basis.</summary>
    public const ulong Seed = 14695981039346656037UL;

    /// <summary>The FNV-1a 64-bit prime.</summary>
    public const ulong Prime = 1099511628211UL;

    /// <summary>Adds one character to an FNV-1a hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, char c) => (hash ^ c) * Prime;

    /// <summary>Combines two hashes (a template id and a value, or two values) into a well-mixed key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b)
    {
        ulong x = a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2));
        x ^= x >> 31;
        x *= 0x7FB5D329728EA185UL;
        x ^= x >> 27;
        x *= 0x81DADEF4BC2DD44DUL;
        x ^= x >> 33;
        return x;
    }

    /// <summary>Combines three hashes: <c>Mix(Mix(a, b), c)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b, ulong c) => Mix(Mix(a, b), c);
}
