namespace NewsExtract.Structure;

/// <summary>
/// Finds the top-level quotations of one paragraph from the quote characters themselves, so it does not
/// depend on how the tokenizer classifies them. Pairs curly, straight (direction from the neighbours and
/// the open/closed state), guillemet and single marks; single marks nest inside double ones; an
/// apostrophe between letters is never a mark. Nothing runs past the paragraph: an unclosed quote ends
/// at the paragraph end (or where a new opening mark starts), an unclosed single-mark quote is dropped.
/// </summary>
internal static class QuoteMarkScanner
{
    public static List<QuoteRegion> Scan(string text, int start, int end)
    {
        var regions = new List<QuoteRegion>();
        int open = -1;
        bool openSingle = false;
        int nested = 0;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            char prev = i > start ? text[i - 1] : ' ';
            char next = i + 1 < end ? text[i + 1] : ' ';
            switch (c)
            {
                case '\u201C' or '\u201E' or '\u00AB':
                    if (open >= 0 && !openSingle)
                    {
                        // A second opening double mark: the first quote was never closed; end it here.
                        Add(regions, text, open, i, -1, false);
                    }

                    open = i;
                    openSingle = false;
                    nested = 0;
                    break;
                case '\u201D' or '\u00BB':
                    if (open >= 0 && !openSingle)
                    {
                        Add(regions, text, open, i, i, false);
                        open = -1;
                    }
                    else if (open < 0 && char.IsWhiteSpace(prev) && !char.IsWhiteSpace(next))
                    {
                        // A closing mark used as an opening one.
                        open = i;
                        openSingle = false;
                        nested = 0;
                    }

                    break;
                case '"':
                    if (open >= 0 && !openSingle)
                    {
                        Add(regions, text, open, i, i, false);
                        open = -1;
                    }
                    else if (open < 0 && !(char.IsLetterOrDigit(prev) && !char.IsLetterOrDigit(next)))
                    {
                        open = i;
                        openSingle = false;
                        nested = 0;
                    }

                    break;
                case '\u2018' or '\'':
                    if (c == '\'' && char.IsLetterOrDigit(prev))
                    {
                        goto case '\u2019';
                    }

                    if (!char.IsLetter(next) || char.IsLetterOrDigit(prev))
                    {
                        break;
                    }

                    if (open >= 0 && !openSingle)
                    {
                        nested++;
                    }
                    else if (open < 0)
                    {
                        open = i;
                        openSingle = true;
                    }

                    break;
                case '\u2019':
                    if (char.IsLetterOrDigit(prev) && char.IsLetter(next))
                    {
                        break; // apostrophe inside a word: don't, Brind'Amour
                    }

                    if (open >= 0 && !openSingle && nested > 0)
                    {
                        nested--;
                    }
                    else if (open >= 0 && openSingle && !IsPossessive(text, i, start))
                    {
                        Add(regions, text, open, i, i, true);
                        open = -1;
                    }

                    break;
            }
        }

        if (open >= 0 && !openSingle)
        {
            Add(regions, text, open, end, -1, false);
        }

        return regions;
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

        if (e > s)
        {
            regions.Add(new QuoteRegion(s, e, openMark, closeMark, single));
        }
    }
}
