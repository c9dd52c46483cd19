using NewsExtract.Internal;

namespace NewsExtract.Entities;

/// <summary>
/// 64-bit hashing of token text and feature templates (the FNV-1a and mixer primitives are the shared
/// <see cref="FeatureHash"/>). Training and tagging both hash through these
/// functions, so a feature means the same thing in the trainer, the model file and at run time.
/// </summary>
internal static class NerHash
{
    public const ulong Seed = FeatureHash.Seed;

    /// <summary>Adds one character to an FNV-1a hash.</summary>
    public static ulong Add(ulong hash, char c) => FeatureHash.Add(hash, c);

    /// <summary>Combines two hashes (a template id and a value, or two values) into a well-mixed key (<see cref="FeatureHash.Mix(ulong, ulong)"/>).</summary>
    public static ulong Mix(ulong a, ulong b) => FeatureHash.Mix(a, b);

    /// <summary>Combines three hashes.</summary>
    public static ulong Mix(ulong a, ulong b, ulong c) => FeatureHash.Mix(a, b, c);

    /// <summary>
    /// Maps typographic variants to the ASCII forms CoNLL-style data uses, so a runtime token such as
    /// "\u2019s" hashes like the training token "'s".
    /// </summary>
    public static char Normalize(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201B' or '\u2032' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u00A0' => ' ',
        _ => c,
    };

    /// <summary>The hash of the normalized, case-preserving word form (the word-cluster key).</summary>
    public static ulong Word(ReadOnlySpan<char> token)
    {
        ulong h = Seed;
        foreach (char c in token)
        {
            h = Add(h, Normalize(c));
        }

        return h;
    }

    /// <summary>The hash of the lowercased word form with every digit mapped to 0.</summary>
    public static ulong Lower(ReadOnlySpan<char> token)
    {
        ulong h = Seed;
        foreach (char c in token)
        {
            h = Add(h, LowerChar(c));
        }

        return h;
    }

    /// <summary>The lowercase, digit-folded form of one character.</summary>
    public static char LowerChar(char c)
    {
        c = Normalize(c);
        return char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
    }

    /// <summary>
    /// Adds the letters and digits of a token to a name-matching key (lowercased when
    /// <paramref name="ignoreCase"/>), skipping punctuation and spaces so "St. Louis", "St Louis" and
    /// "U.S." / "US" match whatever the tokenizer did with periods and hyphens.
    /// </summary>
    public static ulong AddNameChars(ulong hash, ReadOnlySpan<char> token, bool ignoreCase, out bool any)
    {
        any = false;
        foreach (char c in token)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = Add(hash, ignoreCase ? char.ToLowerInvariant(c) : c);
                any = true;
            }
        }

        return hash;
    }

    /// <summary>The name-matching key of a whole phrase (see <see cref="AddNameChars"/>).</summary>
    public static ulong Name(ReadOnlySpan<char> phrase, bool ignoreCase)
        => AddNameChars(Seed, phrase, ignoreCase, out _);
}
