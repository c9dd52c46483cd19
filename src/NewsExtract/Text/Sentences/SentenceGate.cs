using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Text.Sentences;

/// <summary>
/// The first, cheap stage of the sentence-boundary model: a handful of features over character classes,
/// token kinds, lengths, the white space of the gap, the rule mark and the position, each an index into a
/// small dense table (no string hashing, no lexicon look-up). A candidate whose gate score is below the
/// trained threshold is not an end; only the rest pay for the full hashed features of
/// <see cref="SentenceFeatures"/>. The trainer and the splitter both call <see cref="Extract"/>, so a gate
/// feature means the same in training, in the model file and at run time.
/// </summary>
internal static class SentenceGate
{
    /// <summary>How many features every candidate has (always exactly this many).</summary>
    public const int FeatureCount = 11;

    /// <summary>Character classes: 0 other, 1 lower, 2 upper, 3 digit, 4..27 ASCII marks, 29 ellipsis, 30 another non-ASCII character, 31 no token.</summary>
    private const int Classes = 32;

    private const int NoToken = 31;

    private const int Kinds = 11;

    private const int Gaps = 5;

    private const int Lengths = 6;

    private const int Buckets = 9;

    /// <summary>Bits of the hashed token-prefix tables.</summary>
    private const int WordBits = 12;

    private const int T1 = 1;
    private const int T2 = T1 + (2 * Gaps * Kinds * Kinds);
    private const int T3 = T2 + (2 * Classes * Classes);
    private const int T4 = T3 + (2 * Classes * Classes * Lengths);
    private const int T5 = T4 + (Gaps * Classes * Classes * Lengths);
    private const int T6 = T5 + (Classes * Classes * Classes);
    private const int T7 = T6 + (Classes * Classes * Classes);
    private const int T8 = T7 + (2 * Buckets * Buckets);

    private const int T9 = T8 + (3 * 3 * Kinds * Classes);
    private const int T10 = T9 + (2 << WordBits);

    /// <summary>The size of the gate's weight table.</summary>
    public const int TableSize = T10 + (1 << WordBits);

    /// <summary>The class of each ASCII character: letters, digits and the punctuation that matters for sentence ends.</summary>
    private static readonly byte[] s_ascii = BuildAscii();

    /// <summary>Writes the <see cref="FeatureCount"/> table indices of the gap after token <paramref name="index"/>.</summary>
    public static void Extract(string text, Token[] tokens, int index, int first, int end, bool ruleSplit, ref SentenceFeatures.State state, Span<int> output)
    {
        var writer = new FeatureWriter<int>(output[..FeatureCount]);
        Extract(text, tokens, index, first, end, ruleSplit, ref state, ref writer);
    }

    /// <summary>Gives the <see cref="FeatureCount"/> table indices of the gap after token <paramref name="index"/> to <paramref name="sink"/>, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Extract<TSink>(string text, Token[] tokens, int index, int first, int end, bool ruleSplit, ref SentenceFeatures.State state, ref TSink sink)
        where TSink : IFeatureSink<int>, allows ref struct
    {
        Token cur = tokens[index];
        Token next = tokens[index + 1];
        int rule = ruleSplit ? 1 : 0;
        int gap = (int)SentenceFeatures.Gap(text, cur.End, next.Start);
        int curKind = Math.Min((int)cur.Kind, Kinds - 1);
        int nextKind = Math.Min((int)next.Kind, Kinds - 1);
        int curFirst = Class(text[cur.Start]);
        int curLast = Class(text[cur.End - 1]);
        int nextFirst = Class(text[next.Start]);
        int nextLast = Class(text[next.End - 1]);
        int prevLast = index > first ? Class(text[tokens[index - 1].End - 1]) : NoToken;
        int afterFirst = index + 2 < end ? Class(text[tokens[index + 2].Start]) : NoToken;

        sink.Add(0);
        sink.Add(T1 + (((((rule * Gaps) + gap) * Kinds) + curKind) * Kinds) + nextKind);
        sink.Add(T2 + (((rule * Classes) + curLast) * Classes) + nextFirst);
        sink.Add(T3 + (((((rule * Classes) + curFirst) * Classes) + curLast) * Lengths) + Length(cur.Length));
        sink.Add(T4 + (((((gap * Classes) + nextFirst) * Classes) + nextLast) * Lengths) + Length(next.Length));
        sink.Add(T5 + (((prevLast * Classes) + curLast) * Classes) + nextFirst);
        sink.Add(T6 + (((curLast * Classes) + nextFirst) * Classes) + afterFirst);
        sink.Add(T7 + (((rule * Buckets) + (int)SentenceFeatures.Bucket(index - state.SentenceFirst + 1)) * Buckets) + (int)SentenceFeatures.Bucket(end - index - 1));
        sink.Add(T8 + (((((Math.Min(state.QuoteDepth, 2) * 3) + Math.Min(state.BracketDepth, 2)) * Kinds) + curKind) * Classes) + nextFirst);
        sink.Add(T9 + (rule << WordBits) + Prefix(text, cur, Fold));
        sink.Add(T10 + Prefix(text, next, 0));
    }

    private const ulong Fold = 0x0020_0020_0020_0020UL;

    /// <summary>
    /// A <see cref="WordBits"/>-bit hash of a token's first eight characters and its length (capped at 15),
    /// read as two 64-bit words: no loop over the characters. <paramref name="fold"/> sets bit 5 of every
    /// character (ASCII letters to lower case; a hash, so what it does to other characters does not matter).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Prefix(string text, Token token, ulong fold)
    {
        int n = Math.Min(token.Length, 8);
        ulong a;
        ulong b;
        if (token.Start + 8 <= text.Length)
        {
            ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(text.AsSpan(token.Start, 8));
            a = MemoryMarshal.Read<ulong>(bytes);
            b = MemoryMarshal.Read<ulong>(bytes[8..]);
        }
        else
        {
            a = 0;
            b = 0;
            for (int k = 0; k < n; k++)
            {
                ulong c = text[token.Start + k];
                if (k < 4)
                {
                    a |= c << (16 * k);
                }
                else
                {
                    b |= c << (16 * (k - 4));
                }
            }
        }

        ulong maskA = n >= 4 ? ulong.MaxValue : (1UL << (16 * n)) - 1;
        ulong maskB = n >= 8 ? ulong.MaxValue : n <= 4 ? 0 : (1UL << (16 * (n - 4))) - 1;
        a = (a | fold) & maskA;
        b = (b | fold) & maskB;
        ulong h = (a * 0x9E3779B97F4A7C15UL) ^ (b * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)Math.Min(token.Length, 15) * 0x165667B19E3779F9UL);
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return (int)(h >> (64 - WordBits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Class(char c) => c < 0x80 ? s_ascii[c] : ClassNonAscii(c);

    private static int ClassNonAscii(char c)
    {
        switch (c)
        {
            case '\u2018' or '\u2019' or '\u201B':
                return s_ascii['\''];
            case '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB':
                return s_ascii['"'];
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                return s_ascii['-'];
            case '\u2026':
                return 29;
        }

        return char.IsUpper(c) ? 2 : char.IsLower(c) ? 1 : char.IsDigit(c) ? 3 : 30;
    }

    private static byte[] BuildAscii()
    {
        var table = new byte[128];
        const string Marks = ".,!?:;'\"()[]-/&*#@$%<=+_";
        for (int c = 0; c < 128; c++)
        {
            // Brackets, angle brackets, the backtick and the tilde share the class of their look-alikes.
            char m = c switch { '{' => '[', '}' => ']', '>' => '<', '`' => '\'', '~' => '_', _ => (char)c };
            int k = Marks.IndexOf(m, StringComparison.Ordinal);
            table[c] = (byte)(char.IsAsciiLetterLower(m) ? 1 : char.IsAsciiLetterUpper(m) ? 2 : char.IsAsciiDigit(m) ? 3 : k >= 0 ? k + 4 : 0);
        }

        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Length(int length) => length <= 4 ? length - 1 : length <= 7 ? 4 : 5;
}
