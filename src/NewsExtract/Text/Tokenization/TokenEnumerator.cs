using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace NewsExtract.Text.Tokenization;

/// <summary>
/// Enumerates the tokens of a text without allocating: words (clitics and negations split off as
/// UD English and the Penn Treebank do), numbers, punctuation, symbols, opening and closing quote
/// marks, URLs, e-mail addresses, handles, hashtags and emoji. Obtain one from
/// <see cref="TextTokenizer.EnumerateTokens(ReadOnlySpan{char})"/> and use it in a <see langword="foreach"/>.
/// </summary>
/// <remarks>
/// Every character that is not white space (<see cref="char.IsWhiteSpace(char)"/>) belongs to exactly
/// one token, tokens come in text order, and any input is accepted (lone surrogates, control
/// characters, very long words). Straight quote marks are classified as opening or closing from their
/// neighbours and, when those are ambiguous, from the quotes seen before; an apostrophe is never a
/// quote mark.
/// </remarks>
public ref struct TokenEnumerator
{
    private static readonly SearchValues<char> s_asciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private Token _current;
    private bool _doubleOpen;
    private bool _singleOpen;

    /// <summary>Where the 64 characters described by <see cref="_nonWord"/> start.</summary>
    private int _maskBase;

    /// <summary>Bit k set when <c>_text[_maskBase + k]</c> is not an ASCII letter or digit (or is past the end).</summary>
    private ulong _nonWord;

    internal TokenEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _maskBase = -64;
    }

    /// <summary>Gets the token at the current position of the enumerator.</summary>
    public readonly Token Current => _current;

    /// <summary>Returns this enumerator, so it can be used directly in a <see langword="foreach"/>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly TokenEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next token.</summary>
    /// <returns><see langword="true"/> if there is a next token; <see langword="false"/> at the end of the text.</returns>
    public bool MoveNext()
    {
        // Fast path for the common case, small enough to inline into the caller's loop: one space, then a
        // plain ASCII word or number followed by white space, the end of the text, or punctuation that never
        // joins. Everything else goes through the general scanner, which starts over at the same position.
        ReadOnlySpan<char> text = _text;
        int i = _position;
        if ((uint)i < (uint)text.Length && text[i] == ' ')
        {
            i++;
        }

        if ((uint)i < (uint)text.Length && char.IsAsciiLetterOrDigit(text[i]) && TryPlainWord(text, i))
        {
            return true;
        }

        return MoveNextGeneral(i);
    }

    /// <summary>
    /// Reads the next tokens into <paramref name="destination"/>, the same tokens <see cref="MoveNext"/> would
    /// give one by one, and returns how many (0 at the end of the text). The bulk form of the fast path: the
    /// position and the cached word bitmap stay in registers across tokens instead of going through the
    /// enumerator's fields for each one; anything else goes to the general scanner as in <see cref="MoveNext"/>.
    /// </summary>
    internal int Read(scoped Span<Token> destination)
    {
        ReadOnlySpan<char> text = _text;
        int position = _position;
        int maskBase = _maskBase;
        ulong nonWord = _nonWord;
        int n = 0;
        while ((uint)n < (uint)destination.Length)
        {
            int i = position;
            if ((uint)i < (uint)text.Length && text[i] == ' ')
            {
                i++;
            }

            if ((uint)i < (uint)text.Length)
            {
                char first = text[i];
                if (char.IsAsciiLetterOrDigit(first))
                {
                    // TryPlainWord, with the bitmap in locals.
                    int offset = i + 1 - maskBase;
                    ulong rest = (uint)offset < 64 ? nonWord >> offset : 0;
                    int j;
                    if (rest != 0)
                    {
                        j = i + 1 + BitOperations.TrailingZeroCount(rest);
                    }
                    else
                    {
                        j = WordRunEndRefill(text, i + 1);
                        maskBase = _maskBase;
                        nonWord = _nonWord;
                    }

                    if ((uint)j >= (uint)text.Length || IsPlainWordEnd(text[j], first))
                    {
                        destination[n++] = new Token(i, j, char.IsAsciiDigit(first) ? TokenKind.Number : TokenKind.Word);
                        position = j;
                        continue;
                    }

                    if (text[j] == '.' && IsPlainWordBeforeFullStop(text, i, j))
                    {
                        destination[n++] = new Token(i, j, TokenKind.Word);
                        position = j;
                        continue;
                    }
                }
                else if (first == ',' || (first == '.' && ((uint)(i + 1) >= (uint)text.Length || text[i + 1] is ' ' or '\n')))
                {
                    // As in MoveNextGeneral: a comma, or a period before a space or a line break, is a token of its own.
                    destination[n++] = new Token(i, i + 1, TokenKind.Punctuation);
                    position = i + 1;
                    continue;
                }
            }

            _position = position;
            _maskBase = maskBase;
            _nonWord = nonWord;
            if (!MoveNextGeneral(i))
            {
                return n;
            }

            destination[n++] = _current;
            position = _position;
            maskBase = _maskBase;
            nonWord = _nonWord;
        }

        _position = position;
        _maskBase = maskBase;
        _nonWord = nonWord;
        return n;
    }

    /// <summary>
    /// Whether the ASCII word <c>text[start..end]</c> (letters and digits, a letter first), followed by a period at
    /// <paramref name="end"/> and then a space, a line break or the end of the text, is a word token of its own
    /// that ends at the period: what <see cref="Scan"/> finds for it, decided without the general scanner. Words
    /// that could start a URL or a negation clitic, initials, and listed abbreviations (which may keep the period)
    /// are left to the general scanner.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainWordBeforeFullStop(ReadOnlySpan<char> text, int start, int end)
    {
        char first = (char)(text[start] | 0x20);
        if (end - start < 2 || first is 'h' or 'w' or 'f' or 'n' || !char.IsAsciiLetterLower(first)
            || ((uint)(end + 1) < (uint)text.Length && text[end + 1] is not (' ' or '\n')))
        {
            return false;
        }

        // The rule ScanWord ends with: a word of up to eight letters keeps its period only when it is a listed
        // abbreviation (IsAbbreviationBeforePeriod; the letter-chain case needs a period inside the word).
        return end - start > 8 || !TokenizerLexicon.IsAbbreviation(text[start..(end + 1)]);
    }

    /// <summary>
    /// The plain ASCII word or number starting at <paramref name="i"/> (its first character a letter or digit),
    /// when it ends at a space, the end of the text or a comma, so that no rule (clitic, URL, abbreviation,
    /// hyphen) applies: sets the current token and returns true. Inlined into both scanners.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryPlainWord(ReadOnlySpan<char> text, int i)
    {
        char first = text[i];
        int j = WordRunEnd(text, i + 1);
        if ((uint)j >= (uint)text.Length || IsPlainWordEnd(text[j], first))
        {
            _current = new Token(i, j, char.IsAsciiDigit(first) ? TokenKind.Number : TokenKind.Word);
            _position = j;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool MoveNextGeneral(int i)
    {
        ReadOnlySpan<char> text = _text;
        while ((uint)i < (uint)text.Length)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || !char.IsWhiteSpace(c))
            {
                break;
            }

            i++;
        }

        if (i >= text.Length)
        {
            _position = text.Length;
            return false;
        }

        // Fast path for the common case: a plain ASCII word or number followed by a space or the end of the
        // text, or a comma. No rule (clitic, URL, abbreviation, hyphen) applies to those.
        char first = text[i];
        if (char.IsAsciiLetterOrDigit(first))
        {
            if (TryPlainWord(text, i))
            {
                return true;
            }

            // A word before a full stop, decided without the general scanner.
            int j = WordRunEnd(text, i + 1);
            if (j < text.Length && text[j] == '.' && IsPlainWordBeforeFullStop(text, i, j))
            {
                _current = new Token(i, j, TokenKind.Word);
                _position = j;
                return true;
            }
        }
        else if (first == ',' || (first == '.' && ((uint)(i + 1) >= (uint)text.Length || text[i + 1] is ' ' or '\n')))
        {
            _current = new Token(i, i + 1, TokenKind.Punctuation);
            _position = i + 1;
            return true;
        }

        int end = Scan(i, out TokenKind kind);
        _current = new Token(i, end, kind);
        _position = end;
        return true;
    }

    /// <summary>
    /// The end of the run of ASCII letters and digits from <paramref name="start"/>. The bitmap of the next 64
    /// characters is computed once (eight 128-bit compares) and serves the dozen or so words in it, so the
    /// common case is a shift and a trailing-zero count, with nothing on the critical path between one token's
    /// end and the next token's start but that.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int WordRunEnd(ReadOnlySpan<char> text, int start)
    {
        int offset = start - _maskBase;
        if ((uint)offset < 64)
        {
            ulong rest = _nonWord >> offset;
            if (rest != 0)
            {
                return start + BitOperations.TrailingZeroCount(rest);
            }
        }

        return WordRunEndRefill(text, start);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int WordRunEndRefill(ReadOnlySpan<char> text, int start)
    {
        while (true)
        {
            ulong mask = NonWordMask(text, start);
            _maskBase = start;
            _nonWord = mask;
            if (mask != 0)
            {
                return start + BitOperations.TrailingZeroCount(mask);
            }

            start += 64;
        }
    }

    /// <summary>Bit k set when <c>text[start + k]</c> is not an ASCII letter or digit, or lies past the end of the text.</summary>
    private static ulong NonWordMask(ReadOnlySpan<char> text, int start)
    {
        if (Vector128.IsHardwareAccelerated && start <= text.Length - 64)
        {
            ref ushort chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            ulong mask = 0;
            for (int k = 0; k < 4; k++)
            {
                Vector128<ushort> a = NonWord(Vector128.LoadUnsafe(ref chars, (nuint)(start + (k * 16))));
                Vector128<ushort> b = NonWord(Vector128.LoadUnsafe(ref chars, (nuint)(start + (k * 16) + 8)));
                mask |= (ulong)Vector128.Narrow(a, b).ExtractMostSignificantBits() << (k * 16);
            }

            return mask;
        }

        ulong tail = ulong.MaxValue;
        int count = Math.Min(64, text.Length - start);
        for (int k = 0; k < count; k++)
        {
            if (char.IsAsciiLetterOrDigit(text[start + k]))
            {
                tail &= ~(1UL << k);
            }
        }

        return tail;
    }

    /// <summary>All ones in the lanes that are not ASCII letters or digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> NonWord(Vector128<ushort> v)
    {
        // (c | 0x20) - 'a' <= 25 (unsigned) exactly for the ASCII letters; c - '0' <= 9 for the digits.
        Vector128<ushort> letter = Vector128.LessThanOrEqual((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)25));
        Vector128<ushort> digit = Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
        return ~(letter | digit);
    }

    /// <summary>
    /// Whether <paramref name="c"/> ends a plain word or number that began with <paramref name="first"/> without
    /// any joining rule applying: white space, and punctuation that never joins (a comma only after a word,
    /// as "10,000" is one number).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainWordEnd(char c, char first)
        => c < 64 && ((PlainWordEnds >> c) & 1) != 0 && (c != ',' || !char.IsAsciiDigit(first));

    /// <summary>Bit c set for ' ', '\n', '\r', '\t', ')', ';', '!', '?', '"' and ',' (all below 64).</summary>
    private const ulong PlainWordEnds = (1UL << ' ') | (1UL << '\n') | (1UL << '\r') | (1UL << '\t') | (1UL << ')') | (1UL << ';')
        | (1UL << '!') | (1UL << '?') | (1UL << '"') | (1UL << ',');

    private int Scan(int start, out TokenKind kind)
    {
        ReadOnlySpan<char> text = _text;
        char c = text[start];
        if (char.IsAsciiLetterOrDigit(c))
        {
            if ((c | 0x20) == 'n' && IsNegationClitic(text, start))
            {
                kind = TokenKind.Word;
                return start + 3;
            }

            // Only "http", "ftp" and "www" can start a URL: test the second letter before comparing prefixes.
            if ((c | 0x20) is 'h' or 'w' or 'f' && start + 4 < text.Length && (text[start + 1] | 0x20) is 't' or 'w')
            {
                int urlEnd = TryScanUrl(text, start);
                if (urlEnd > 0)
                {
                    kind = TokenKind.Url;
                    return urlEnd;
                }
            }

            return ScanWord(text, start, out kind);
        }

        if (c < 0x80)
        {
            return ScanAsciiMark(start, c, out kind);
        }

        return ScanNonAscii(start, c, out kind);
    }

    private int ScanAsciiMark(int start, char c, out TokenKind kind)
    {
        ReadOnlySpan<char> text = _text;
        switch (c)
        {
            case '"':
                kind = DoubleStraight(text, start);
                return start + 1;
            case '\'':
                if (start + 1 < text.Length && text[start + 1] == '\'' && (start == 0 || text[start - 1] != '\''))
                {
                    // PTB-style closing double quote ''.
                    kind = TokenKind.ClosingQuote;
                    _doubleOpen = false;
                    return start + 2;
                }

                return ScanApostrophe(start, c, out kind);
            case '`':
                if (start + 1 < text.Length && text[start + 1] == '`')
                {
                    kind = TokenKind.OpeningQuote;
                    _doubleOpen = true;
                    return start + 2;
                }

                kind = TokenKind.Punctuation;
                return start + 1;
            case '.' or '!' or '?':
                kind = TokenKind.Punctuation;
                int runEnd = start + 1;
                while (runEnd < text.Length && text[runEnd] is '.' or '!' or '?')
                {
                    runEnd++;
                }

                return runEnd;
            case '-' or '=' or '_' or '*' or '~' or '+' or '/' or '\\' or '|' or '>' or '$':
                kind = c is '-' or '_' or '*' or '/' or '\\' ? TokenKind.Punctuation : TokenKind.Symbol;
                return SameRun(text, start);
            case '<':
                if (start + 1 < text.Length && text[start + 1] == '3' && IsBoundaryAfter(text, start + 2))
                {
                    kind = TokenKind.Emoji;
                    return start + 2;
                }

                kind = TokenKind.Symbol;
                return SameRun(text, start);
            case ':' or ';' or '^':
                int emoticonEnd = TryScanEmoticon(text, start);
                if (emoticonEnd > 0)
                {
                    kind = TokenKind.Emoji;
                    return emoticonEnd;
                }

                kind = c == '^' ? TokenKind.Symbol : TokenKind.Punctuation;
                return start + 1;
            case '@':
                if (!PreviousIsWordChar(text, start) && start + 1 < text.Length && IsHandleChar(text[start + 1]))
                {
                    kind = TokenKind.Handle;
                    int handleEnd = RunOf(text, start + 1, IsHandleChar);
                    return ExtendDomain(text, handleEnd);
                }

                kind = TokenKind.Punctuation;
                return start + 1;
            case '#':
                if (!PreviousIsWordChar(text, start) && start + 1 < text.Length && char.IsLetter(text[start + 1]))
                {
                    kind = TokenKind.Hashtag;
                    return RunOf(text, start + 1, static ch => ch == '_' || IsWordChar(ch));
                }

                kind = TokenKind.Punctuation;
                return SameRun(text, start);
            default:
                kind = Classify(c);
                return start + 1;
        }
    }

    private int ScanNonAscii(int start, char c, out TokenKind kind)
    {
        ReadOnlySpan<char> text = _text;
        switch (c)
        {
            case '\u201C' or '\u201E' or '\u201F' or '\u00AB' or '\u2039':
                kind = TokenKind.OpeningQuote;
                _doubleOpen = true;
                return start + 1;
            case '\u201D' or '\u00BB' or '\u203A':
                kind = TokenKind.ClosingQuote;
                _doubleOpen = false;
                return start + 1;
            case '\u2018' or '\u201A':
                if (start + 1 < text.Length && text[start + 1] is '\u2018' or '\u2019')
                {
                    // Two single quotes typed as a double quote.
                    kind = TokenKind.OpeningQuote;
                    _doubleOpen = true;
                    return start + 2;
                }

                kind = TokenKind.OpeningQuote;
                _singleOpen = true;
                return start + 1;
            case '\u2019':
                if (start + 1 < text.Length && text[start + 1] == '\u2019')
                {
                    kind = TokenKind.ClosingQuote;
                    _doubleOpen = false;
                    return start + 2;
                }

                return ScanApostrophe(start, c, out kind);
            case '\u2026':
                kind = TokenKind.Punctuation;
                return RunOf(text, start, static ch => ch is '\u2026' or '.');
            case '\u2013' or '\u2014' or '\u2015' or '\u2012':
                kind = TokenKind.Punctuation;
                return SameRun(text, start);
            default:
                break;
        }

        if (char.IsHighSurrogate(c))
        {
            if (start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]))
            {
                int value = char.ConvertToUtf32(c, text[start + 1]);
                if (IsEmojiBase(value))
                {
                    kind = TokenKind.Emoji;
                    return ScanEmojiSequence(text, start, value);
                }

                if (Rune.IsLetterOrDigit(new Rune(value)))
                {
                    return ScanWord(text, start, out kind);
                }

                kind = Rune.IsPunctuation(new Rune(value)) ? TokenKind.Punctuation : TokenKind.Symbol;
                return start + 2;
            }

            kind = TokenKind.Symbol;
            return start + 1;
        }

        if (IsWordStartNonAscii(c))
        {
            return ScanWord(text, start, out kind);
        }

        if (IsEmojiBase(c))
        {
            kind = TokenKind.Emoji;
            return ScanEmojiSequence(text, start, c);
        }

        kind = Classify(c);
        return start + 1;
    }

    private TokenKind DoubleStraight(ReadOnlySpan<char> text, int index)
    {
        bool openBefore = index == 0 || IsOpeningContext(text[index - 1]);
        bool closeAfter = index + 1 >= text.Length || IsClosingContext(text[index + 1]);
        bool opening = openBefore == closeAfter ? !_doubleOpen : openBefore;
        _doubleOpen = opening;
        return opening ? TokenKind.OpeningQuote : TokenKind.ClosingQuote;
    }

    /// <summary>A straight or right single quote: clitic, apostrophe, or a single quote mark.</summary>
    private int ScanApostrophe(int start, char c, out TokenKind kind)
    {
        ReadOnlySpan<char> text = _text;
        bool wordBefore = PreviousIsWordChar(text, start);
        bool wordAfter = start + 1 < text.Length && IsWordChar(text[start + 1]);
        if (wordBefore && wordAfter)
        {
            int cliticEnd = CliticEnd(text, start);
            kind = cliticEnd > 0 ? TokenKind.Word : TokenKind.Punctuation;
            return cliticEnd > 0 ? cliticEnd : start + 1;
        }

        bool openBefore = start == 0 || IsOpeningContext(text[start - 1]);
        bool closeAfter = start + 1 >= text.Length || IsClosingContext(text[start + 1]);
        if (wordAfter && openBefore)
        {
            if (c == '\'')
            {
                _singleOpen = true;
                kind = TokenKind.OpeningQuote;
            }
            else
            {
                // A right quote before a word is an elision (right quote + "90s", right quote + "em"), never an opening quote.
                kind = TokenKind.Punctuation;
            }

            return start + 1;
        }

        if (closeAfter && !openBefore)
        {
            if (_singleOpen)
            {
                _singleOpen = false;
                kind = TokenKind.ClosingQuote;
            }
            else
            {
                // The possessive of a plural ("the players' union") or an elision ("goin'").
                kind = wordBefore ? TokenKind.Word : c == '\u2019' ? TokenKind.ClosingQuote : TokenKind.Punctuation;
            }

            return start + 1;
        }

        kind = TokenKind.Punctuation;
        return start + 1;
    }

    private static int ScanWord(ReadOnlySpan<char> text, int start, out TokenKind kind)
    {
        bool number = char.IsAsciiDigit(text[start]);
        bool url = false;
        int segmentStart = start;
        int i = start;
        int end = -1;
        while (true)
        {
            i = ConsumeWordChars(text, i);
            if (i >= text.Length)
            {
                break;
            }

            char c = text[i];
            if (c == ' ')
            {
                break;
            }

            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            char previous = text[i - 1];
            if (c is '\'' or '\u2019')
            {
                if (!IsWordChar(next))
                {
                    break;
                }

                int cliticStart = CliticStart(text, start, i);
                if (cliticStart >= 0)
                {
                    end = cliticStart;
                    break;
                }

                i++;
                continue;
            }

            if (c == '-')
            {
                if (char.IsAsciiDigit(previous) && char.IsAsciiDigit(next) && number)
                {
                    i++;
                    continue;
                }

                if (IsWordChar(next) && TokenizerLexicon.IsHyphenPrefix(text[segmentStart..i]))
                {
                    i++;
                    segmentStart = i;
                    continue;
                }

                break;
            }

            if (c == '.')
            {
                if (char.IsAsciiDigit(previous) && char.IsAsciiDigit(next))
                {
                    i++;
                    continue;
                }

                if (i - segmentStart == 1 && char.IsLetter(previous) && char.IsLetter(next)
                    && (i + 2 >= text.Length || !IsWordChar(text[i + 2])))
                {
                    // A chain of single letters: "U.S", "e.g", "a.m".
                    i += 2;
                    segmentStart = i - 1;
                    continue;
                }

                if (char.IsAsciiLetter(next))
                {
                    int labelEnd = i + 1;
                    while (labelEnd < text.Length && char.IsAsciiLetter(text[labelEnd]))
                    {
                        labelEnd++;
                    }

                    if ((labelEnd >= text.Length || !IsWordChar(text[labelEnd])) && IsDomainSuffix(text[(i + 1)..labelEnd], fileOnly: number))
                    {
                        url = true;
                        i = labelEnd;
                        segmentStart = i;
                        continue;
                    }
                }

                // "first.last@example.com": only worth a look when the period is followed by more address.
                if (char.IsAsciiLetterOrDigit(next))
                {
                    int dottedEnd = number ? 0 : ScanDottedName(text, start, i);
                    if (dottedEnd > 0)
                    {
                        kind = TokenKind.Url;
                        return dottedEnd;
                    }

                    int emailEnd = TryScanEmail(text, start);
                    if (emailEnd > 0)
                    {
                        kind = TokenKind.Email;
                        return emailEnd;
                    }
                }

                break;
            }

            if (number && char.IsAsciiDigit(previous))
            {
                if (c == ',' && IsThousandsGroup(text, i + 1))
                {
                    i += 4;
                    continue;
                }

                if (c is ':' or '/' && char.IsAsciiDigit(next))
                {
                    i++;
                    continue;
                }
            }

            if (c is '&' or '/' && char.IsAsciiLetter(previous) && char.IsAsciiLetter(next)
                && ((c == '&' && char.IsAsciiLetterUpper(previous) && char.IsAsciiLetterUpper(next))
                    || (i - segmentStart == 1 && (i + 2 >= text.Length || !IsWordChar(text[i + 2])))))
            {
                // "AT&T", "S&P", and single-letter pairs such as "b/c", "w/o", "p&l".
                segmentStart = i + 1;
                i++;
                continue;
            }

            if (c == '_' && IsWordChar(next))
            {
                i++;
                continue;
            }

            if (c is '@' or '+')
            {
                int emailEnd = TryScanEmail(text, start);
                if (emailEnd > 0)
                {
                    kind = TokenKind.Email;
                    return emailEnd;
                }

                if (c == '@' && char.IsLetter(previous) && char.IsAsciiLetter(next))
                {
                    // An address on a local mail system: "Name@HOST".
                    kind = TokenKind.Email;
                    return ConsumeWordChars(text, i + 1);
                }
            }

            break;
        }

        if (end < 0)
        {
            end = i;
            if (number && end - start >= 3 && (text[end - 1] | 0x20) == 'm' && (text[end - 2] | 0x20) is 'a' or 'p' && char.IsAsciiDigit(text[end - 3]))
            {
                // "7:30pm", "10AM": the number and "pm" are separate tokens.
                end -= 2;
            }
            else if (end < text.Length && text[end] == '.' && !number && IsAbbreviationBeforePeriod(text, start, end)
                && !EndsSentence(text, start, end))
            {
                end++;
            }
        }

        kind = number ? TokenKind.Number : url ? TokenKind.Url : TokenKind.Word;
        return end;
    }

    /// <summary>
    /// Whether the period after the abbreviation <c>text[start..end]</c> is also the full stop of a sentence: it is
    /// followed by the end of the text, a line break or a word that almost always starts a sentence. Initials
    /// and titles ("J.", "Dr.") are written before names and never end a sentence.
    /// </summary>
    private static bool EndsSentence(ReadOnlySpan<char> text, int start, int end)
    {
        bool initial = end - start == 1;
        if (TokenizerLexicon.IsTitle(text[start..(end + 1)]))
        {
            return false;
        }

        int i = end + 1;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i >= text.Length || text[i] is '\n' or '\r')
        {
            return !initial;
        }

        int wordEnd = i;
        while (wordEnd < text.Length && char.IsAsciiLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        // After an initial, a one-letter starter ("A", "I") is more likely the next initial or name part.
        return wordEnd > i + (initial ? 1 : 0) && wordEnd - i <= 9 && (wordEnd >= text.Length || !IsWordChar(text[wordEnd]))
            && TokenizerLexicon.IsSentenceStarter(text[i..wordEnd]);
    }

    /// <summary>Whether the word <c>text[start..end]</c> keeps the period at <paramref name="end"/>.</summary>
    private static bool IsAbbreviationBeforePeriod(ReadOnlySpan<char> text, int start, int end)
    {
        int length = end - start;
        if (length == 1)
        {
            // An initial: "J. R. R. Tolkien".
            return char.IsUpper(text[start]);
        }

        if (length >= 3 && text[start + 1] == '.')
        {
            // "U.S", "e.g", "a.m" were joined by the single-letter chain rule.
            return true;
        }

        if (length > 8)
        {
            return false;
        }

        return TokenizerLexicon.IsAbbreviation(text[start..(end + 1)]);
    }

    /// <summary>
    /// For an apostrophe at <paramref name="apostrophe"/> inside a word that began at <paramref name="start"/>,
    /// returns where the clitic starts ("'re", "n't") or -1 when the apostrophe is word-internal.
    /// </summary>
    private static int CliticStart(ReadOnlySpan<char> text, int start, int apostrophe)
    {
        int suffixEnd = apostrophe + 1;
        while (suffixEnd < text.Length && suffixEnd - apostrophe <= 3 && char.IsAsciiLetter(text[suffixEnd]))
        {
            suffixEnd++;
        }

        if (suffixEnd < text.Length && IsWordChar(text[suffixEnd]))
        {
            return -1;
        }

        ReadOnlySpan<char> suffix = text[(apostrophe + 1)..suffixEnd];
        if (IsClitic(suffix))
        {
            return apostrophe > start ? apostrophe : -1;
        }

        if (suffix.Length == 1 && (suffix[0] | 0x20) == 't' && apostrophe - start >= 2 && (text[apostrophe - 1] | 0x20) == 'n')
        {
            return apostrophe - 1;
        }

        return -1;
    }

    /// <summary>For an apostrophe that follows a word, the end of the clitic it starts, or 0.</summary>
    private static int CliticEnd(ReadOnlySpan<char> text, int apostrophe)
    {
        int suffixEnd = apostrophe + 1;
        while (suffixEnd < text.Length && suffixEnd - apostrophe <= 3 && char.IsAsciiLetter(text[suffixEnd]))
        {
            suffixEnd++;
        }

        if (suffixEnd < text.Length && IsWordChar(text[suffixEnd]))
        {
            return 0;
        }

        return IsClitic(text[(apostrophe + 1)..suffixEnd]) ? suffixEnd : 0;
    }

    /// <summary>Whether the letters after an apostrophe are a clitic ("s", "re", "ll"; lexicon <c>clitics</c>).</summary>
    private static bool IsClitic(ReadOnlySpan<char> suffix) => TokenizerLexicon.IsCliticSuffix(suffix);

    /// <summary>Whether "n't" starts at <paramref name="index"/>, right after a word.</summary>
    private static bool IsNegationClitic(ReadOnlySpan<char> text, int index)
        => index > 0 && index + 2 < text.Length
            && char.IsLetter(text[index - 1])
            && text[index + 1] is '\'' or '\u2019'
            && (text[index + 2] | 0x20) == 't'
            && (index + 3 >= text.Length || !IsWordChar(text[index + 3]));

    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int index)
        => index + 2 < text.Length
            && char.IsAsciiDigit(text[index]) && char.IsAsciiDigit(text[index + 1]) && char.IsAsciiDigit(text[index + 2])
            && (index + 3 >= text.Length || !char.IsAsciiDigit(text[index + 3]));

    /// <summary>A top-level domain ("com") or, also after a number, a file extension ("pdf", "doc").</summary>
    private static bool IsDomainSuffix(ReadOnlySpan<char> label, bool fileOnly = false)
    {
        if (label.Length is < 2 or > 4)
        {
            return false;
        }

        Span<char> lower = stackalloc char[4];
        int n = label.ToLowerInvariant(lower);
        return TokenizerLexicon.WebSuffix(lower[..n]) switch
        {
            WebSuffixKind.Domain => !fileOnly && IsLowerOrAllUpper(label),
            WebSuffixKind.File => true,
            _ => false,
        };
    }

    /// <summary>
    /// The longest dotted name taken as one token: a DNS name has at most 253 characters. The bound also keeps
    /// the look-ahead of each call constant, so a long run of dotted words costs linear time.
    /// </summary>
    private const int MaxDottedNameLength = 253;

    /// <summary>The longest local part of an e-mail address (RFC 5321).</summary>
    private const int MaxEmailLocalPartLength = 64;

    /// <summary>
    /// A name of three or more labels joined by single periods that starts at <paramref name="start"/> and has its
    /// first period at <paramref name="dot"/>: a host name ending in a domain suffix ("mail.example.com") or a
    /// dotted identifier of lowercase labels ("comp.lang.basic", "org.example.tools"), or a file name
    /// ("notes.v2.pdf"). Its end, or 0. Two labels
    /// are left to the domain-suffix rule ("example.com") and to the sentence splitter ("end.next").
    /// </summary>
    private static int ScanDottedName(ReadOnlySpan<char> text, int start, int dot)
    {
        if (dot - start > MaxDottedNameLength)
        {
            return 0;
        }

        bool lower = dot - start >= 2;
        for (int k = start; k < dot; k++)
        {
            char ch = text[k];
            if (!char.IsAsciiLetterOrDigit(ch) && (ch != '-' || k == start))
            {
                return 0;
            }

            lower &= char.IsAsciiLetterLower(ch) || ch == '-';
        }

        int labels = 1;
        int labelStart = dot;
        int i = dot;
        int limit = Math.Min(text.Length, start + MaxDottedNameLength + 1);
        while (i + 1 < limit && text[i] == '.' && char.IsAsciiLetterOrDigit(text[i + 1]))
        {
            labelStart = i + 1;
            int j = labelStart;
            while (j < limit && (char.IsAsciiLetterOrDigit(text[j])
                || (text[j] == '-' && j + 1 < text.Length && char.IsAsciiLetterOrDigit(text[j + 1]))))
            {
                lower &= char.IsAsciiLetterLower(text[j]) || text[j] == '-';
                j++;
            }

            lower &= j - labelStart >= 2;
            labels++;
            i = j;
        }

        bool continues = i + 1 < text.Length && text[i] == '.' && char.IsAsciiLetterOrDigit(text[i + 1]);
        if (labels < 3 || i - start > MaxDottedNameLength || continues
            || (i < text.Length && (IsWordChar(text[i]) || text[i] is '@' or '_')))
        {
            return 0;
        }

        return lower || IsDomainSuffix(text[labelStart..i]) ? i : 0;
    }

    /// <summary>Extends a handle such as "@example" over a following domain suffix (".com").</summary>
    private static int ExtendDomain(ReadOnlySpan<char> text, int end)
    {
        if (end + 2 < text.Length && text[end] == '.' && char.IsAsciiLetter(text[end + 1]))
        {
            int labelEnd = end + 1;
            while (labelEnd < text.Length && char.IsAsciiLetter(text[labelEnd]))
            {
                labelEnd++;
            }

            if ((labelEnd >= text.Length || !IsWordChar(text[labelEnd])) && IsDomainSuffix(text[(end + 1)..labelEnd]))
            {
                return labelEnd;
            }
        }

        return end;
    }

    private static bool IsLowerOrAllUpper(ReadOnlySpan<char> label)
        => !label.ContainsAnyInRange('A', 'Z') || !label.ContainsAnyInRange('a', 'z');

    private static int TryScanUrl(ReadOnlySpan<char> text, int start)
    {
        ReadOnlySpan<char> rest = text[start..];
        int prefix;
        if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 7;
        }
        else if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 8;
        }
        else if (rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 6;
        }
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 4;
        }
        else
        {
            return 0;
        }

        int end = start + prefix;
        int parens = 0;
        while (end < text.Length)
        {
            char c = text[end];
            if (char.IsWhiteSpace(c) || c is '"' or '<' or '>' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB'
                || char.IsSurrogate(c) || char.IsControl(c))
            {
                break;
            }

            parens += c == '(' ? 1 : c == ')' ? -1 : 0;
            end++;
        }

        // Sentence punctuation after a URL is not part of it; a ')' is, when the URL opened one.
        while (end > start + prefix)
        {
            char last = text[end - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or ']' or '}' || (last == ')' && parens < 0))
            {
                parens += last == ')' ? 1 : 0;
                end--;
                continue;
            }

            break;
        }

        return end > start + prefix ? end : 0;
    }

    /// <summary>An e-mail address starting at <paramref name="start"/>: its end, or 0.</summary>
    private static int TryScanEmail(ReadOnlySpan<char> text, int start)
    {
        // The local part has at most 64 characters (RFC 5321); the bound keeps each call's look-ahead constant, so a
        // long run of dotted words without an '@' costs linear time.
        int i = start;
        int localLimit = Math.Min(text.Length, start + MaxEmailLocalPartLength);
        while (i < localLimit && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '%' or '+' or '-'))
        {
            i++;
        }

        if (i == start || i >= text.Length || text[i] != '@' || text[i - 1] == '.')
        {
            return 0;
        }

        int domainStart = ++i;
        int lastDot = -1;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '-'))
        {
            if (text[i] == '.')
            {
                if (text[i - 1] == '.' || i == domainStart)
                {
                    break;
                }

                lastDot = i;
            }

            i++;
        }

        while (i > domainStart && text[i - 1] is '.' or '-')
        {
            i--;
        }

        lastDot = text[domainStart..i].LastIndexOf('.');
        lastDot = lastDot < 0 ? -1 : domainStart + lastDot;

        if (lastDot < 0 || lastDot >= i - 2)
        {
            return 0;
        }

        for (int k = lastDot + 1; k < i; k++)
        {
            if (!char.IsAsciiLetter(text[k]))
            {
                return 0;
            }
        }

        return i;
    }

    private static int TryScanEmoticon(ReadOnlySpan<char> text, int start)
    {
        if (!(start == 0 || char.IsWhiteSpace(text[start - 1]) || text[start - 1] is '(' or '.' or '!' or '?' or ','))
        {
            return 0;
        }

        ReadOnlySpan<char> rest = text[start..];
        int length = 0;
        if (rest.Length >= 2 && rest[0] is ':' or ';' or '=')
        {
            int k = 1;
            if (rest.Length > 2 && rest[1] is '-' or '\'')
            {
                k = 2;
            }

            if (k < rest.Length && rest[k] is ')' or '(' or 'D' or 'P' or 'p' or ']' or '[' or '/' or '|' or 'O' or 'o')
            {
                length = k + 1;
                while (start + length < text.Length && text[start + length] == rest[k] && rest[k] is ')' or '(')
                {
                    length++;
                }
            }
        }
        else if (rest.StartsWith("^_^", StringComparison.Ordinal))
        {
            length = 3;
        }
        else if (rest.StartsWith("^^", StringComparison.Ordinal))
        {
            length = 2;
        }

        if (length == 0 || !IsBoundaryAfter(text, start + length))
        {
            return 0;
        }

        // ":/" and ":o" in "http://" or "ratio:old" are not faces.
        if (rest[length - 1] is '/' or 'o' or 'O' or 'p' or 'D' or 'P' && start + length < text.Length && !char.IsWhiteSpace(text[start + length]))
        {
            return 0;
        }

        return start + length;
    }

    private static bool IsBoundaryAfter(ReadOnlySpan<char> text, int index)
        => index >= text.Length || !IsWordChar(text[index]);

    private static int ScanEmojiSequence(ReadOnlySpan<char> text, int start, int first)
    {
        int i = start + (first > 0xFFFF ? 2 : 1);
        bool regional = first is >= 0x1F1E6 and <= 0x1F1FF;
        if (regional)
        {
            if (i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]))
            {
                int second = char.ConvertToUtf32(text[i], text[i + 1]);
                if (second is >= 0x1F1E6 and <= 0x1F1FF)
                {
                    i += 2;
                }
            }

            return i;
        }

        while (i < text.Length)
        {
            char c = text[i];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3')
            {
                i++;
                continue;
            }

            if (c == '\u200D' && i + 1 < text.Length)
            {
                int value = CodePointAt(text, i + 1);
                if (value > 0 && IsEmojiBase(value))
                {
                    i += 1 + (value > 0xFFFF ? 2 : 1);
                    continue;
                }

                break;
            }

            if (char.IsHighSurrogate(c))
            {
                int value = CodePointAt(text, i);
                if (value is (>= 0x1F3FB and <= 0x1F3FF) or (>= 0xE0020 and <= 0xE007F))
                {
                    i += 2;
                    continue;
                }
            }

            break;
        }

        return i;
    }

    private static int CodePointAt(ReadOnlySpan<char> text, int index)
    {
        char c = text[index];
        if (!char.IsSurrogate(c))
        {
            return c;
        }

        return char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(c, text[index + 1])
            : -1;
    }

    private static bool IsEmojiBase(int value)
        => value is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2B00 and <= 0x2BFF)
            or (>= 0x231A and <= 0x231B) or (>= 0x23E9 and <= 0x23FA);

    /// <summary>
    /// The index of the first character at or after <paramref name="start"/> that is not an ASCII letter or
    /// digit (the length of the text when there is none). Words are short, so the first eight characters
    /// are tested in one 128-bit compare without a call; longer runs go on with <see cref="SearchValues{T}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AsciiLettersAndDigitsEnd(ReadOnlySpan<char> text, int start)
    {
        if (Vector128.IsHardwareAccelerated && start <= text.Length - Vector128<ushort>.Count)
        {
            Vector128<ushort> v = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)start);

            uint stops = NonWord(v).ExtractMostSignificantBits();
            if (stops != 0)
            {
                return start + BitOperations.TrailingZeroCount(stops);
            }

            start += Vector128<ushort>.Count;
            int run = text[start..].IndexOfAnyExcept(s_asciiLettersAndDigits);
            return run < 0 ? text.Length : start + run;
        }

        while ((uint)start < (uint)text.Length && char.IsAsciiLetterOrDigit(text[start]))
        {
            start++;
        }

        return start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ConsumeWordChars(ReadOnlySpan<char> text, int i)
    {
        while ((uint)i < (uint)text.Length)
        {
            // Past the ASCII run: stop at ASCII punctuation or space, go on over non-ASCII letters and marks.
            i = AsciiLettersAndDigitsEnd(text, i);
            if (i >= text.Length)
            {
                return text.Length;
            }

            char c = text[i];
            if (c < 0x80)
            {
                break;
            }
            else if (IsWordContinuationNonAscii(c))
            {
                i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                && Rune.IsLetterOrDigit(new Rune(c, text[i + 1])))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int RunOf(ReadOnlySpan<char> text, int start, Func<char, bool> predicate)
    {
        int i = start + 1;
        while (i < text.Length && predicate(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SameRun(ReadOnlySpan<char> text, int start)
    {
        char c = text[start];
        int i = start + 1;
        while (i < text.Length && text[i] == c)
        {
            i++;
        }

        return i;
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool PreviousIsWordChar(ReadOnlySpan<char> text, int index)
        => index > 0 && IsWordChar(text[index - 1]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c)
        => char.IsAsciiLetterOrDigit(c) || (c >= 0x80 && IsWordContinuationNonAscii(c));

    private static bool IsWordStartNonAscii(char c)
    {
        return CharUnicodeInfo.GetUnicodeCategory(c) <= UnicodeCategory.OtherNumber;
    }

    /// <summary>Letters, combining marks, digits and invisible format characters (soft hyphen, joiners).</summary>
    private static bool IsWordContinuationNonAscii(char c)
    {
        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category <= UnicodeCategory.OtherNumber || (category == UnicodeCategory.Format && c != '\uFEFF' && c != '\u200B');
    }

    /// <summary>Whether a quote mark after <paramref name="c"/> is likely to open a quotation.</summary>
    private static bool IsOpeningContext(char c)
        => char.IsWhiteSpace(c) || c is '(' or '[' or '{' or '<' or '\u2014' or '\u2013' or '-' or '/' or '\u201C' or '\u2018' or '"' or '\'' or ':';

    /// <summary>Whether a quote mark before <paramref name="c"/> is likely to close a quotation.</summary>
    private static bool IsClosingContext(char c)
        => char.IsWhiteSpace(c) || c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '>' or '\u2014' or '\u2013' or '-' or '\u201D' or '\u2019' or '\u2026' or '"' or '\'';

    private static TokenKind Classify(char c)
        => c < 0x80
            ? (c is '$' or '+' or '<' or '=' or '>' or '^' or '`' or '|' or '~' or '%' or < ' ' or '\u007F' ? TokenKind.Symbol : TokenKind.Punctuation)
            : c == '\u2030' ? TokenKind.Symbol : CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => TokenKind.Punctuation,
            _ => TokenKind.Symbol,
        };
}
