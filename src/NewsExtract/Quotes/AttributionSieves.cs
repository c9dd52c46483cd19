using NewsExtract.Structure;

namespace NewsExtract.Quotes;

/// <summary>
/// The ordered attribution sieves for quotes with marks. Each looks at one place and either finds a cue
/// with a speaker phrase or passes:
/// <list type="number">
/// <item><see cref="AfterQuote"/>: right after the closing mark ("…,” Riabkov assured", "…,” said the minister", "“…” — Jane Doe").</item>
/// <item><see cref="BeforeQuote"/>: right before the opening mark ("Hugh Hill, a doctor, said: “…”", "He told reporters: “…”").</item>
/// <item><see cref="FragmentCue"/>: for a quoted fragment, the speech verb of its sentence ("he called them “unsuccessful”").</item>
/// </list>
/// Quotes left without a cue take their paragraph's attribution or carry over the previous speaker
/// (<see cref="QuoteExtractor"/>).
/// </summary>
internal static class AttributionSieves
{
    private const int MaxSubjectWords = 8;

    /// <summary>A cue and speaker in the text after a quote, up to the next quote or sentence end.</summary>
    public static Attribution? AfterQuote(QuoteContext c, int from, int to, QuoteRegion region)
    {
        int t = c.TokenAt(from);
        int hi = c.TokenBefore(to);
        while (t < hi && (c.IsPunct(t, ',') || c.IsQuoteMark(t)))
        {
            t++;
        }

        if (t >= hi)
        {
            return null;
        }

        // "“…” — Jane Doe"
        if (c.IsDash(t) && t + 1 < hi && c.IsCapitalized(t + 1))
        {
            SpeakerPhrase? named = SpeakerPhraseFinder.FindAfter(c, t + 1, hi);
            return named is SpeakerPhrase n ? new Attribution(c.Tokens[t].Start, c.Tokens[t].End, n) : null;
        }

        // "“…” according to Dr. Keith Ahamad"
        if (t + 2 < hi && c.Is(t, "according") && c.Is(t + 1, "to"))
        {
            SpeakerPhrase? source = SpeakerPhraseFinder.FindAfter(c, t + 2, hi);
            return source is SpeakerPhrase s ? new Attribution(c.Tokens[t].Start, c.Tokens[t + 1].End, s) : null;
        }

        // "…,” said Backlund." / "…,” said the minister."
        int len = c.Cues.Match(c.Text, c.Tokens, t, hi, out _);
        if (len > 0)
        {
            SpeakerPhrase? after = SpeakerPhraseFinder.FindAfter(c, t + len, hi);
            return after is SpeakerPhrase a ? new Attribution(c.Tokens[t].Start, c.Tokens[t + len - 1].End, a) : null;
        }

        // "…,” Riabkov assured." / "…,” he said, paraphrasing Putin." / "…,” Carolina coach Rod Brind'Amour said."
        for (int k = t + 1; k < hi && k <= t + MaxSubjectWords + (c.IsCapitalized(t) ? 24 : 0); k++)
        {
            if (c.EndsSentence(k) && !IsTitlePeriod(c, k))
            {
                break;
            }

            len = c.Cues.Match(c.Text, c.Tokens, k, hi, out _);
            if (len == 0)
            {
                continue;
            }

            SpeakerPhrase? before = SpeakerPhraseFinder.FindBefore(c, k, t);
            if (before is SpeakerPhrase b && (b.First == t || OnlyModifiers(c, t, b.First)))
            {
                return new Attribution(c.Tokens[k].Start, c.Tokens[k + len - 1].End, b);
            }

            // "…,” the lanky, bespectacled professor said.": a description with commas between the adjectives.
            if (c.Is(t, "the") && k - t <= 8 && c.IsLower(k - 1) && c.In(k - 1, WordClasses.SpeakerNouns) && WordsOrCommas(c, t, k))
            {
                return new Attribution(c.Tokens[k].Start, c.Tokens[k + len - 1].End, new SpeakerPhrase(t, k - 1, k - 1, SpeakerPhraseKind.Nominal));
            }

            break;
        }

        return null;
    }

    /// <summary>A cue and speaker introducing a quote: "X said: “", "X told reporters, “", "X said that “".</summary>
    public static Attribution? BeforeQuote(QuoteContext c, int sentenceStart, int open)
    {
        int a = c.TokenAt(sentenceStart);
        int b = c.TokenBefore(open);
        while (b > a && (c.IsPunct(b - 1, ':') || c.IsPunct(b - 1, ',') || c.IsDash(b - 1)))
        {
            b--;
        }

        for (int k = b - 1; k >= a && k >= b - 8; k--)
        {
            int len = c.Cues.Match(c.Text, c.Tokens, k, b, out _);
            if (len == 0)
            {
                continue;
            }

            SpeakerPhrase? phrase = SpeakerPhraseFinder.FindBefore(c, k, a) ?? SpeakerPhraseFinder.FindAfter(c, k + len, b);
            return phrase is SpeakerPhrase p ? new Attribution(c.Tokens[k].Start, c.Tokens[k + len - 1].End, p) : null;
        }

        // "Dave Martell, an addictions doctor, is more blunt: “…”": the named subject of the sentence before a colon.
        int colon = c.TokenBefore(open) - 1;
        while (colon >= a && c.IsQuoteMark(colon))
        {
            colon--;
        }

        if (colon > a && c.IsPunct(colon, ':'))
        {
            for (int i = Math.Max(a, colon - 60); i < colon; i++)
            {
                int m = c.MentionAt(i);
                if (m < 0 || c.In(i, WordClasses.LeadingFunctionWords))
                {
                    continue;
                }

                int last = i;
                while (last + 1 < colon && c.MentionAt(last + 1) == m)
                {
                    last++;
                }

                if (c.Document.Entities[c.Document.MentionEntity[m]].Type != EntityType.Location || last > i)
                {
                    return new Attribution(c.Tokens[colon].Start, c.Tokens[colon].End, new SpeakerPhrase(i, last, last, SpeakerPhraseKind.Name));
                }

                break;
            }
        }

        return null;
    }

    /// <summary>The speech verb a quoted fragment depends on: the nearest cue with a subject before it, else one right after it.</summary>
    public static Attribution? FragmentCue(QuoteContext c, int sentenceStart, QuoteRegion region, int sentenceEnd)
    {
        int a = c.TokenAt(sentenceStart);
        int open = c.TokenBefore(region.OpenMark);
        a = Math.Max(a, open - 60);
        for (int k = open - 1; k >= a; k--)
        {
            int len = c.Cues.Match(c.Text, c.Tokens, k, open, out CueVerb? verb);
            if (len == 0)
            {
                continue;
            }

            SpeakerPhrase? phrase = SpeakerPhraseFinder.FindBefore(c, k, a);
            if (phrase is SpeakerPhrase p && SpeakerPhraseFinder.Agrees(c, p, k, verb!))
            {
                return new Attribution(c.Tokens[k].Start, c.Tokens[k + len - 1].End, p);
            }
        }

        int from = region.CloseMark >= 0 ? region.CloseMark + 1 : region.ContentEnd;
        return AfterQuote(c, from, sentenceEnd, region);
    }

    /// <summary>A speech verb right before a quote mark (optionally with a colon or comma): its offsets.</summary>
    public static (int Start, int End)? CueRightBefore(QuoteContext c, int open)
    {
        int k = c.TokenBefore(open) - 1;
        while (k >= 0 && (c.IsPunct(k, ':') || c.IsPunct(k, ',')))
        {
            k--;
        }

        for (int start = k; start >= 0 && start >= k - 1; start--)
        {
            int len = c.Cues.Match(c.Text, c.Tokens, start, k + 1, out _);
            if (len > 0 && start + len - 1 == k && c.IsLower(start))
            {
                return (c.Tokens[start].Start, c.Tokens[k].End);
            }
        }

        return null;
    }

    private static bool WordsOrCommas(QuoteContext c, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (!c.IsWord(k) && !c.IsPunct(k, ','))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Only words (no punctuation), at most five: "then-Surrey mayoral candidate Doug McCallum".</summary>
    private static bool OnlyModifiers(QuoteContext c, int from, int to)
    {
        if (to - from > 5)
        {
            return false;
        }

        for (int k = from; k < to; k++)
        {
            if ((!c.IsWord(k) && !c.IsPunct(k, '.')) || c.In(k, WordClasses.Pronouns))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether any speech verb occurs in the text after a quote, up to the next quote.</summary>
    public static bool HasCueAfter(QuoteContext c, int from, int to)
    {
        int hi = c.TokenBefore(to);
        for (int k = c.TokenAt(from); k < hi && k < c.TokenAt(from) + 12; k++)
        {
            if (c.EndsSentence(k) && !IsTitlePeriod(c, k))
            {
                break;
            }

            if (c.Cues.Match(c.Text, c.Tokens, k, hi, out _) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A period of an abbreviation ("Lt.", "St.", "Dr."): attached to a short capitalized word, or a title.</summary>
    private static bool IsTitlePeriod(QuoteContext c, int k)
        => c.IsPunct(k, '.') && k > 0 && (c.IsHonorific(k - 1)
            || (c.Tokens[k - 1].End == c.Tokens[k].Start && c.Tokens[k - 1].Length <= 3 && c.IsCapitalized(k - 1)));
}
