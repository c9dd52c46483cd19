using System.Runtime.CompilerServices;
using NewsExtract.Internal;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Text.Sentences;

/// <summary>
/// The candidate positions and the hashed features of the sentence-boundary model. The trainer and the
/// splitter both go through these functions, so a feature means the same thing in training, in the
/// model file and at run time. A position is the gap after token <c>i</c>; the features look at the
/// tokens around it (<c>i-1</c>, <c>i</c>, <c>i+1</c>, <c>i+2</c>): lowercased form, shape, kind, the
/// abbreviation, title and sentence-starter lexicons, the white space of the gap (line breaks), the
/// quote and bracket state, list markers, where the gap sits in the paragraph and in the sentence, and
/// whether the rule-based splitter would end a sentence there.
/// </summary>
internal static class SentenceFeatures
{
    /// <summary>The most features one position has.</summary>
    public const int MaxFeatures = 40;

    private const ulong Seed = FeatureHash.Seed;

    private const ulong Prime = FeatureHash.Prime;

    private const int MaxFormChars = 20;

    /// <summary><see cref="LowerChar"/> and <see cref="ShapeChar"/> of each ASCII character (all ASCII again).</summary>
    private static readonly byte[] s_lowerAscii = AsciiTable(LowerChar);

    private static readonly byte[] s_shapeAscii = AsciiTable(ShapeChar);

    /// <summary>The per-paragraph state the splitter carries from token to token.</summary>
    internal struct State
    {
        /// <summary>The first token of the sentence being built.</summary>
        public int SentenceFirst;

        /// <summary>Quotes opened and not yet closed in the paragraph (capped).</summary>
        public int QuoteDepth;

        /// <summary>Brackets opened and not yet closed in the paragraph (capped).</summary>
        public int BracketDepth;

        /// <summary>The form and shape hashes of the last four tokens looked at, by token index modulo 4.</summary>
        private Slots _slots;

        private int _openingIndex;

        private ulong _openingLower;

        /// <summary>Starts a paragraph.</summary>
        public State(int first)
        {
            SentenceFirst = first;
            _openingIndex = -1;
            for (int k = 0; k < 4; k++)
            {
                _slots[k].Index = -1;
            }
        }

        /// <summary>The lowercased-form and shape hashes of a token, each computed once.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (ulong Lower, ulong Shape) Hashes(string text, Token[] tokens, int index)
        {
            ref Slot slot = ref _slots[index & 3];
            if (slot.Index != index)
            {
                Fill(ref slot, text, tokens, index);
            }

            return (slot.Lower, slot.Shape);
        }

        // Kept out of line: the callers inline the cache test, not the two hashing loops.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Fill(ref Slot slot, string text, Token[] tokens, int index)
        {
            slot.Index = index;
            LowerAndShape(text, tokens[index], out slot.Lower, out slot.Shape);
        }

        /// <summary>The lowercased-form hash of the sentence's first token.</summary>
        public ulong OpeningLower(string text, Token[] tokens)
        {
            if (_openingIndex != SentenceFirst)
            {
                // The first token was often hashed already, as the token after an earlier candidate gap.
                ref Slot slot = ref _slots[SentenceFirst & 3];
                _openingIndex = SentenceFirst;
                _openingLower = slot.Index == SentenceFirst ? slot.Lower : Lower(text, tokens[SentenceFirst]);
            }

            return _openingLower;
        }

        /// <summary>Updates the quote and bracket state with the token before the gap.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Observe(string text, Token token)
        {
            // Words and numbers, most tokens, change nothing.
            if (token.Kind >= TokenKind.Punctuation)
            {
                ObserveMark(text, token);
            }
        }

        private void ObserveMark(string text, Token token)
        {
            switch (token.Kind)
            {
                case TokenKind.OpeningQuote:
                    QuoteDepth = Math.Min(QuoteDepth + 1, 3);
                    break;
                case TokenKind.ClosingQuote:
                    QuoteDepth = Math.Max(QuoteDepth - 1, 0);
                    break;
                case TokenKind.Punctuation when token.Length == 1:
                    char c = text[token.Start];
                    if (c is '(' or '[' or '{')
                    {
                        BracketDepth = Math.Min(BracketDepth + 1, 3);
                    }
                    else if (c is ')' or ']' or '}')
                    {
                        BracketDepth = Math.Max(BracketDepth - 1, 0);
                    }

                    break;
            }
        }
    }

    private struct Slot
    {
        public int Index;
        public ulong Lower;
        public ulong Shape;
    }

    [InlineArray(4)]
    private struct Slots
    {
        private Slot _element;
    }

    /// <summary>
    /// Whether the gap after <paramref name="tokens"/>[<paramref name="index"/>] (not the last token of its
    /// paragraph) is a candidate: not a gap between two words, or a word and a lowercase word, and not
    /// after a title ("Dr.") or an opening quote or bracket.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCandidate(string text, Token[] tokens, int index)
    {
        // The common case inline: a number, or a word that does not end in a period, is a candidate only
        // before something that is not a lowercase word.
        Token token = tokens[index];
        if (token.Kind == TokenKind.Number || (token.Kind == TokenKind.Word && text[token.End - 1] != '.'))
        {
            Token next = tokens[index + 1];
            return next.Kind != TokenKind.Word || !char.IsLower(text[next.Start]) || HasLineBreak(text, token.End, next.Start);
        }

        return IsCandidateOther(text, tokens, index);
    }

    private static bool IsCandidateOther(string text, Token[] tokens, int index)
    {
        Token token = tokens[index];
        char last = text[token.End - 1];
        switch (token.Kind)
        {
            case TokenKind.Word:
                // A word ending in a period: anything but a title ("Dr.").
                return token.Length == 1 || !TokenizerLexicon.IsTitle(text.AsSpan(token.Start, token.Length));
            case TokenKind.OpeningQuote:
                return false;
            case TokenKind.Punctuation:
                return !(last is '(' or '[' or '{' || (last is ',' && token.Length == 1));
            default:
                return true;
        }
    }

    /// <summary>Writes the features of the gap after token <paramref name="index"/> and returns how many.</summary>
    public static int Extract(string text, Token[] tokens, int index, int first, int end, bool ruleSplit, ref State state, Span<ulong> features)
    {
        var output = new FeatureWriter<ulong>(features);
        Token cur = tokens[index];
        Token next = tokens[index + 1];
        bool hasPrevious = index > first;
        bool hasAfter = index + 2 < end;
        Token previous = hasPrevious ? tokens[index - 1] : default;
        Token after = hasAfter ? tokens[index + 2] : default;

        ulong rule = ruleSplit ? 1UL : 2UL;
        (ulong curLower, ulong curShape) = state.Hashes(text, tokens, index);
        (ulong nextLower, ulong nextShape) = state.Hashes(text, tokens, index + 1);
        (ulong prevLower, ulong prevShape) = hasPrevious ? state.Hashes(text, tokens, index - 1) : (11UL, 11UL);
        (ulong afterLower, ulong afterShape) = hasAfter ? state.Hashes(text, tokens, index + 2) : (13UL, 13UL);
        ulong gap = Gap(text, cur.End, next.Start);
        ulong kinds = ((ulong)cur.Kind << 8) | (ulong)next.Kind;

        output.Add(Mix(1, 1));
        output.Add(Mix(2, rule));
        output.Add(Mix(3, curLower));
        output.Add(Mix(4, nextLower));
        output.Add(Mix(5, prevLower));
        output.Add(Mix(6, afterLower));
        output.Add(Mix(7, curShape));
        output.Add(Mix(8, nextShape));
        output.Add(Mix(9, prevShape));
        output.Add(Mix(10, afterShape));
        output.Add(Mix(11, kinds));
        output.Add(Mix(12, Mix(curLower, nextShape)));
        output.Add(Mix(13, Mix(prevLower, curLower)));
        output.Add(Mix(14, Mix(curShape, nextShape, rule)));
        output.Add(Mix(15, Mix(prevShape, curShape, nextShape)));
        output.Add(Mix(16, Mix(gap, curShape)));
        output.Add(Mix(17, Mix(gap, nextShape, rule)));
        output.Add(Mix(18, Mix(curLower, nextLower)));
        output.Add(Mix(19, Mix(prevLower, curLower, nextShape)));
        output.Add(Mix(20, Mix(nextLower, afterShape)));
        output.Add(Mix(21, Mix(curShape, nextShape, afterShape)));

        ReadOnlySpan<char> curSpan = text.AsSpan(cur.Start, cur.Length);
        ReadOnlySpan<char> nextSpan = text.AsSpan(next.Start, next.Length);
        if (next.Kind == TokenKind.Word && char.IsAsciiLetterUpper(nextSpan[0]) && IsSentenceStarter(nextSpan))
        {
            output.Add(Mix(22, Mix(curShape, rule)));
        }

        if (cur.Kind == TokenKind.Word && curSpan[^1] == '.')
        {
            ulong kind = IsAbbreviation(curSpan) ? 1UL : curSpan.Length == 2 ? 2UL : curSpan.IndexOf('.') < curSpan.Length - 1 ? 3UL : 4UL;
            output.Add(Mix(23, Mix(kind, nextShape)));
        }

        if (cur.Kind == TokenKind.Punctuation && curSpan[0] == '.' && cur.Length == 1 && hasPrevious)
        {
            // The word before a period: its length tells an abbreviation the tokenizer split off from a word.
            output.Add(Mix(24, Mix((ulong)Math.Min(previous.Length, 6), prevShape, nextShape)));
        }

        output.Add(Mix(25, Mix((ulong)Math.Min(state.QuoteDepth, 2), (ulong)cur.Kind, nextShape)));
        output.Add(Mix(26, Mix((ulong)Math.Min(state.BracketDepth, 2), (ulong)cur.Kind, nextShape)));

        int toEnd = end - index - 1;
        output.Add(Mix(27, Mix(Bucket(toEnd), rule)));
        int inSentence = index - state.SentenceFirst + 1;
        output.Add(Mix(28, Mix(Bucket(inSentence), rule)));
        output.Add(Mix(29, Mix(Bucket(inSentence), curShape)));

        if (IsListMarker(text, tokens, index + 1, end))
        {
            output.Add(Mix(30, Mix(gap, rule)));
        }

        if (hasPrevious && previous.Kind == TokenKind.Word && text[previous.End - 1] == '.' && IsTitle(text.AsSpan(previous.Start, previous.Length)))
        {
            output.Add(Mix(31, nextShape));
        }

        if (nextSpan.Length == 1 && nextSpan[0] == 'i')
        {
            output.Add(Mix(32, Mix(curShape, rule)));
        }

        // Which words start a sentence when capitalized, and which end one.
        output.Add(Mix(33, Mix(nextLower, char.IsUpper(nextSpan[0]) ? 1UL : 2UL)));
        output.Add(Mix(34, Mix(curLower, char.IsUpper(curSpan[0]) ? 1UL : 2UL, nextShape)));
        output.Add(Mix(35, Mix(nextShape, afterLower)));

        // How the sentence being built began ("Thanks, Sean" / "Regards, Kevin").
        output.Add(Mix(36, Mix(state.OpeningLower(text, tokens), Bucket(inSentence), nextShape)));

        return output.Count;
    }

    // The lexicon look-ups stay out of line, so the feature code around them stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsSentenceStarter(ReadOnlySpan<char> word) => TokenizerLexicon.IsSentenceStarter(word);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsAbbreviation(ReadOnlySpan<char> word) => TokenizerLexicon.IsAbbreviation(word);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsTitle(ReadOnlySpan<char> word) => TokenizerLexicon.IsTitle(word);

    private static bool IsListMarker(string text, Token[] tokens, int index, int end)
    {
        Token token = tokens[index];
        char c = text[token.Start];
        if (token.Length == 1 && c is '-' or '*' or '\u2022' or '\u00B7' or '\u2013' or '\u2014' or '>')
        {
            return true;
        }

        return token.Kind == TokenKind.Number && token.Length <= 3 && index + 1 < end
            && tokens[index + 1].Start == token.End && text[tokens[index + 1].Start] is '.' or ')';
    }

    private static bool HasLineBreak(string text, int from, int to) => to > from + 1 && text.AsSpan(from, to - from).Contains('\n');

    /// <summary>A count in nine buckets (0-3 as they are, then 4-5, 6-8, 9-15, 16-30, more); the gate uses it too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Bucket(int count) => count switch
    {
        <= 3 => (ulong)count,
        <= 5 => 4,
        <= 8 => 5,
        <= 15 => 6,
        <= 30 => 7,
        _ => 8,
    };

    /// <summary>The white space between two tokens: none, one space, more spaces, a line break, a blank line (0-4); the gate uses it too.</summary>
    internal static ulong Gap(string text, int from, int to)
    {
        if (to == from)
        {
            return 0;
        }

        if (to == from + 1 && text[from] == ' ')
        {
            return 1;
        }

        ReadOnlySpan<char> gap = text.AsSpan(from, to - from);
        int breaks = gap.Count('\n');
        return breaks == 0 ? 2UL : breaks == 1 ? 3UL : 4UL;
    }

    /// <summary>The hash of the lowercased, digit-folded form (its first 20 characters).</summary>
    internal static ulong Lower(string text, Token token)
    {
        ReadOnlySpan<char> span = text.AsSpan(token.Start, Math.Min(token.Length, MaxFormChars));
        ulong h = Seed;
        foreach (char c in span)
        {
            h = (h ^ LowerChar(c)) * Prime;
        }

        return h;
    }

    /// <summary>The hash of the word shape: X, x, d for upper, lower, digit, other characters as they are, runs cut at two, at most eight.</summary>
    internal static ulong Shape(string text, Token token)
    {
        ReadOnlySpan<char> span = text.AsSpan(token.Start, token.Length);
        ulong h = Seed;
        char previous = '\0';
        int run = 0;
        int written = 0;
        foreach (char c in span)
        {
            char s = ShapeChar(c);
            run = s == previous ? run + 1 : 1;
            previous = s;
            if (run > 2)
            {
                continue;
            }

            h = (h ^ s) * Prime;
            if (++written == 8)
            {
                break;
            }
        }

        return h;
    }

    /// <summary>
    /// <see cref="Lower"/> and <see cref="Shape"/> in one pass over the characters (the same values): the
    /// two hash chains are independent, so the processor runs them side by side, and ASCII characters map
    /// through two small tables instead of branches.
    /// </summary>
    internal static void LowerAndShape(string text, Token token, out ulong lower, out ulong shape)
    {
        ReadOnlySpan<char> span = text.AsSpan(token.Start, token.Length);
        ReadOnlySpan<byte> lowerTable = s_lowerAscii;
        ReadOnlySpan<byte> shapeTable = s_shapeAscii;
        int lowerEnd = Math.Min(span.Length, MaxFormChars);
        ulong l = Seed;
        ulong h = Seed;
        char previous = '\0';
        int run = 0;
        int written = 0;
        for (int k = 0; k < span.Length; k++)
        {
            char c = span[k];
            char lc;
            char s;
            if (c < 0x80)
            {
                lc = (char)lowerTable[c];
                s = (char)shapeTable[c];
            }
            else
            {
                lc = LowerChar(c);
                s = ShapeChar(c);
            }

            if (k < lowerEnd)
            {
                l = (l ^ lc) * Prime;
            }

            if (written < 8)
            {
                run = s == previous ? run + 1 : 1;
                previous = s;
                if (run <= 2)
                {
                    h = (h ^ s) * Prime;
                    written++;
                }
            }
            else if (k >= lowerEnd)
            {
                break;
            }
        }

        lower = l;
        shape = h;
    }

    /// <summary>The shape character of <paramref name="c"/>: X, x or d, or the character itself (typographic marks as their ASCII forms).</summary>
    private static char ShapeChar(char c) => char.IsAsciiLetterLower(c) ? 'x' : char.IsAsciiLetterUpper(c) ? 'X' : char.IsAsciiDigit(c) ? 'd'
        : c < 0x80 && c != '`' ? c : char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : Normalize(c);

    private static byte[] AsciiTable(Func<char, char> map)
    {
        var table = new byte[128];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = (byte)map((char)c);
        }

        return table;
    }

    private static char LowerChar(char c)
    {
        if (c < 0x80 && c != '`')
        {
            return char.IsAsciiDigit(c) ? '0' : (char)(c | (char.IsAsciiLetterUpper(c) ? 0x20 : 0));
        }

        c = Normalize(c);
        return char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
    }

    /// <summary>Typographic quotes, dashes and the no-break space as their ASCII forms, so "\u201D" and '"' look alike.</summary>
    private static char Normalize(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201B' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u00A0' => ' ',
        _ => c,
    };

    /// <summary>The bias feature (template 1), which every candidate has.</summary>
    internal static ulong Bias => Mix(1, 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong a, ulong b) => FeatureHash.Mix(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong a, ulong b, ulong c) => FeatureHash.Mix(a, b, c);
}
