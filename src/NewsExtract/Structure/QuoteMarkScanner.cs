namespace NewsExtract.Structure;

/// <summary>
/// Finds the top-level quotations of one paragraph from the quote characters themselves, so it does not
/// depend on how the tokenizer classifies them. Pairs curly, straight (direction from the neighbours and
/// the open/closed state), guillemet and single marks, in either convention: whichever style opens first
/// is the outer quote and the other nests inside it (“… ‘…’ …” and the British ‘… “…” …’). A single mark
/// between letters or digits is never a mark (don't, Brind'Amour, O’Neill); one before a word opens only
/// after a space, an opening bracket, a dash or another mark (a right mark never opens: ’90s, ’em; nor a
/// straight one before a digit: '90s), and one after a word or after
/// , . ? ! closes only before a space or punctuation (a mark between spaces closes an open single quote:
/// ‘… “too!” ’); "s’ " before a lowercase word is a plural possessive unless the quote closes nowhere else.
/// Nothing runs past the paragraph: an unclosed double quote ends at the paragraph end (or where a new
/// opening mark starts: a curly one, or a straight one between a sentence end and a capital, as when the
/// paragraphs of a quote over several paragraphs are written on one line). An unclosed single-mark quote ends at the paragraph end when the next paragraph
/// opens with a single mark (a quote over several paragraphs leaves its closing mark off); else at its first
/// possessive-looking "s’ word" (‘… what happens’ in Washington); else at the last single closing mark it
/// nested over ('We saw 'em go,' she said); else at the paragraph end when it opens the paragraph; else its
/// opening mark was no mark (a stray ‘, 'cause) and the paragraph is read again after it (at most
/// <see cref="MaxRereads"/> times, so the scan stays linear). A single-mark span of one or two characters
/// (rock 'n' roll) is no quote.
/// </summary>
internal static class QuoteMarkScanner
{
    /// <summary>How often one paragraph is read again after an opening single mark that was no mark.</summary>
    private const int MaxRereads = 8;

    /// <summary>The deepest nesting tracked; deeper marks are ignored.</summary>
    private const int MaxDepth = 8;

    public static List<QuoteRegion> Scan(string text, int start, int end) => Scan(text, start, end, nextOpensSingle: false);

    /// <summary>The top-level quotations of the paragraph <c>[start, end)</c>.</summary>
    /// <param name="text">The article text.</param>
    /// <param name="start">The paragraph start.</param>
    /// <param name="end">The paragraph end.</param>
    /// <param name="nextOpensSingle">Whether the next paragraph opens with a single quote mark (see <see cref="OpensWithSingleMark"/>).</param>
    public static List<QuoteRegion> Scan(string text, int start, int end, bool nextOpensSingle)
    {
        var regions = new List<QuoteRegion>();
        int from = start;
        for (int reread = 0; from < end; reread++)
        {
            int again = ScanFrom(text, start, from, end, nextOpensSingle, regions, reread < MaxRereads);
            if (again < 0)
            {
                break;
            }

            from = again;
        }

        return regions;
    }

    /// <summary>Whether the paragraph <c>[start, end)</c> opens with a single quote mark before a word.</summary>
    public static bool OpensWithSingleMark(string text, int start, int end)
    {
        int i = start;
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i + 1 < end && text[i] is '\u2018' or '\'' && char.IsLetterOrDigit(text[i + 1]);
    }

    /// <summary>
    /// Scans <c>[from, end)</c> of the paragraph starting at <paramref name="start"/>, adding regions; returns
    /// where to read again (after an opening single mark that was no mark), or -1 when done.
    /// </summary>
    private static int ScanFrom(string text, int start, int from, int end, bool nextOpensSingle, List<QuoteRegion> regions, bool mayReread)
    {
        int open = -1; // the top-level opening mark
        int depth = 0; // open levels, the top one included
        ulong singles = 0; // bit k: level k was opened by a single mark
        int lastSingleClose = -1; // the last single closing mark inside the top-level single quote
        int possessive = -1; // the first "s’ " + lowercase word at the top level of a single quote
        for (int i = from; i < end; i++)
        {
            char c = text[i];
            if (c is not ('\u201C' or '\u201E' or '\u00AB' or '\u201D' or '\u00BB' or '"' or '\u2018' or '\u2019' or '\''))
            {
                continue;
            }

            char prev = i > start ? text[i - 1] : ' ';
            char next = i + 1 < end ? text[i + 1] : ' ';
            bool innerSingle = depth > 0 && (singles & (1UL << (depth - 1))) != 0;
            switch (c)
            {
                case '\u201C' or '\u201E' or '\u00AB':
                    if (depth == 1 && !innerSingle)
                    {
                        // A second opening double mark: the first quote was never closed; end it here.
                        Add(regions, text, open, i, -1, false);
                        depth = 0;
                    }

                    Push(ref depth, ref singles, ref open, i, single: false);
                    break;
                case '\u201D' or '\u00BB':
                    if (depth > 0)
                    {
                        PopTo(ref depth, singles, single: false, regions, text, open, i, ref lastSingleClose);
                    }
                    else if (char.IsWhiteSpace(prev) && !char.IsWhiteSpace(next))
                    {
                        Push(ref depth, ref singles, ref open, i, single: false); // a closing mark used as an opening one
                    }

                    break;
                case '"':
                    bool clearlyOpening = (char.IsWhiteSpace(prev) || prev is '(' or '[') && char.IsLetterOrDigit(next);
                    bool openingContext = !(char.IsLetterOrDigit(prev) && !char.IsLetterOrDigit(next));
                    if (depth == 1 && !innerSingle && clearlyOpening && char.IsUpper(next) && AfterSentenceEnd(text, i, start))
                    {
                        // "… accept it gladly. "A prosecution means …": a mark between a sentence end and a capital opens the
                        // next paragraph of a quote over several paragraphs written on one line, whose closing mark is left off.
                        Add(regions, text, open, i, -1, false);
                        depth = 0;
                        Push(ref depth, ref singles, ref open, i, single: false);
                        break;
                    }

                    if (depth > 0 && (!innerSingle || (!clearlyOpening && HasLevel(depth, singles, single: false))))
                    {
                        PopTo(ref depth, singles, single: false, regions, text, open, i, ref lastSingleClose);
                    }
                    else if (openingContext)
                    {
                        Push(ref depth, ref singles, ref open, i, single: false);
                    }

                    break;
                default:
                    if (char.IsLetterOrDigit(prev) && char.IsLetter(next))
                    {
                        break; // an apostrophe inside a word: don't, Brind'Amour, O’Neill
                    }

                    if (c != '\u2019' && OpensBefore(prev) && StartsContent(c, next))
                    {
                        Push(ref depth, ref singles, ref open, i, single: true);
                        break;
                    }

                    if (c == '\u2018' || char.IsLetterOrDigit(next) || depth == 0 || !(ClosesAfter(prev) || (innerSingle && char.IsWhiteSpace(prev))))
                    {
                        break;
                    }

                    if (innerSingle && IsPossessive(text, i, start))
                    {
                        if (depth == 1 && possessive < 0)
                        {
                            possessive = i; // "the players’ union" or "what happens’ in Washington": decided at the end
                        }
                    }
                    else if (innerSingle)
                    {
                        PopTo(ref depth, singles, single: true, regions, text, open, i, ref lastSingleClose);
                    }
                    else if (!innerSingle && prev is ',' or '.' or '?' or '!' && HasLevel(depth, singles, single: true))
                    {
                        // ‘He called it “a farce,’ she said: the nested double quote was never closed.
                        PopTo(ref depth, singles, single: true, regions, text, open, i, ref lastSingleClose);
                    }

                    break;
            }
        }

        if (depth == 0)
        {
            return -1;
        }

        if ((singles & 1UL) == 0)
        {
            Add(regions, text, open, end, -1, false);
            return -1;
        }

        if (nextOpensSingle)
        {
            Add(regions, text, open, end, -1, true);
            return -1;
        }

        if (possessive > open)
        {
            // The quote never closed after "…s’ word": that mark closed it (‘… what happens’ in Washington).
            Add(regions, text, open, possessive, possessive, true);
            return possessive + 1 < end && mayReread ? possessive + 1 : -1;
        }

        if (lastSingleClose > open)
        {
            Add(regions, text, open, lastSingleClose, lastSingleClose, true);
            return lastSingleClose + 1 < end && mayReread ? lastSingleClose + 1 : -1;
        }

        if (text.AsSpan(start, open - start).IsWhiteSpace())
        {
            Add(regions, text, open, end, -1, true);
            return -1;
        }

        return mayReread ? open + 1 : -1;
    }

    /// <summary>Whether the mark at <paramref name="i"/> follows spaces after a sentence end (". ", "? ", "! ").</summary>
    private static bool AfterSentenceEnd(string text, int i, int start)
    {
        int k = i - 1;
        while (k > start && char.IsWhiteSpace(text[k]))
        {
            k--;
        }

        return k < i - 1 && text[k] is '.' or '?' or '!';
    }

    /// <summary>A single mark before a word opens a quote only after a space, an opening bracket, a dash or another mark.</summary>
    private static bool OpensBefore(char prev)
        => char.IsWhiteSpace(prev) || prev is '(' or '[' or '\u2014' or '\u2013' or '-' or '/' or '\u201C' or '"' or '\u2018' or ':';

    /// <summary>
    /// What may follow an opening single mark: a letter, a bracket or another quote mark ('[The minister] said',
    /// ‘“Chairman” is …’), and for a left mark also a digit or an ellipsis (a straight mark before a digit is an
    /// elision: '90s).
    /// </summary>
    private static bool StartsContent(char mark, char next)
        => char.IsLetter(next) || next is '[' or '(' or '\u201C' or '"'
            || (mark == '\u2018' && (char.IsDigit(next) || next is '\u2019' or '\u2026' or '.'));

    /// <summary>A single mark after a word, a digit, speech punctuation or another closing mark may close a quote.</summary>
    private static bool ClosesAfter(char prev)
        => char.IsLetterOrDigit(prev) || prev is ',' or '.' or '?' or '!' or ';' or '\u2026' or '\u201D' or '"' or '\'' or '\u2019' or ')' or ']' or '\u2014' or '-';

    private static bool HasLevel(int depth, ulong singles, bool single)
    {
        for (int k = depth - 1; k >= 0; k--)
        {
            if (((singles & (1UL << k)) != 0) == single)
            {
                return true;
            }
        }

        return false;
    }

    private static void Push(ref int depth, ref ulong singles, ref int open, int i, bool single)
    {
        if (depth == 0)
        {
            open = i;
        }

        if (depth >= MaxDepth)
        {
            return;
        }

        singles = single ? singles | (1UL << depth) : singles & ~(1UL << depth);
        depth++;
    }

    /// <summary>Closes the innermost level of the style at <paramref name="i"/> (and any open level inside it); at the top, adds the region.</summary>
    private static void PopTo(ref int depth, ulong singles, bool single, List<QuoteRegion> regions, string text, int open, int i, ref int lastSingleClose)
    {
        int k = depth - 1;
        while (k >= 0 && ((singles & (1UL << k)) != 0) != single)
        {
            k--;
        }

        if (k < 0)
        {
            return;
        }

        depth = k;
        if (single && (singles & 1UL) != 0)
        {
            lastSingleClose = i;
        }

        if (depth == 0)
        {
            Add(regions, text, open, i, i, single);
        }
    }

    /// <summary>Whether a mark is probably an apostrophe of a plural possessive ("the players’ union").</summary>
    private static bool IsPossessive(string text, int i, int start)
        => i > start && (text[i - 1] == 's' || text[i - 1] == 'S') && i + 1 < text.Length && text[i + 1] == ' '
            && i + 2 < text.Length && char.IsLower(text[i + 2]);

    private static void Add(List<QuoteRegion> regions, string text, int openMark, int endExclusive, int closeMark, bool single)
    {
        int s = openMark + 1;
        int e = endExclusive;
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        while (e > s && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }

        if (e > s && !(single && e - s <= 2))
        {
            regions.Add(new QuoteRegion(s, e, openMark, closeMark, single));
        }
    }
}
