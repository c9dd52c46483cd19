namespace NewsExtract.Quotes;

/// <summary>
/// Finds reported speech in one sentence (tokens <c>a..b-1</c>): "X said (that) …", "X told reporters …",
/// "according to X, …" / "…, according to X", and "…, X added." / "…, said X." The content span runs
/// to the end of the clause, without the final punctuation.
/// </summary>
internal static class ReportedSpeechFinder
{
    private const int MinContentWords = 3;

    public static ReportedSpeech? Find(QuoteContext c, int a, int b)
    {
        // "WATCH: Sanders says …", "ANALYSIS: …": a link or section label (page furniture), not reporting.
        if (c.Furniture.OpensWithLabel(a, b))
        {
            return null;
        }

        while (b > a && (c.EndsSentence(b - 1) || c.IsQuoteMark(b - 1) || c.Tokens[b - 1].Kind == Text.Tokenization.TokenKind.Punctuation))
        {
            b--;
        }

        if (b - a < 4)
        {
            return null;
        }

        return AccordingTo(c, a, b) ?? SubjectFirst(c, a, b) ?? ContentFirst(c, a, b);
    }

    /// <summary>"According to X, …" and "…, according to X".</summary>
    private static ReportedSpeech? AccordingTo(QuoteContext c, int a, int b)
    {
        for (int i = a; i + 2 < b; i++)
        {
            if (!c.Is(i, "according") || !c.Is(i + 1, "to"))
            {
                continue;
            }

            int npEnd = i + 2;
            while (npEnd < b && npEnd < i + 30 && !c.IsPunct(npEnd, ','))
            {
                npEnd++;
            }

            SpeakerPhrase? phrase = PhraseIn(c, i + 2, npEnd);
            if (LeadingOnly(c, a, i) && npEnd < b && Words(c, npEnd + 1, b) >= MinContentWords)
            {
                return new ReportedSpeech(c.Tokens[npEnd + 1].Start, c.Tokens[b - 1].End, i, i + 2, phrase);
            }

            if (i - 1 > a && c.IsPunct(i - 1, ',') && Words(c, a, i - 1) >= MinContentWords)
            {
                return new ReportedSpeech(c.Tokens[a].Start, c.Tokens[i - 2].End, i, i + 2, phrase);
            }
        }

        return null;
    }

    /// <summary>"X said (that) …", "X told reporters …", "In a statement, X said …".</summary>
    private static ReportedSpeech? SubjectFirst(QuoteContext c, int a, int b)
    {
        for (int k = a + 1; k < b - 1; k++)
        {
            int n = c.Cues.Match(c.Text, c.Tokens, k, b, out CueVerb? verb);
            if (n == 0)
            {
                continue;
            }

            // "the examiner's report", "a claim": a noun, not a verb; ", adding …": a participle of another clause.
            if (c.Span(k - 1).EndsWith("\u2019s", StringComparison.Ordinal) || c.Span(k - 1).EndsWith("'s", StringComparison.Ordinal)
                || c.Is(k - 1, "a") || c.Is(k - 1, "an") || (c.IsPunct(k - 1, ',') && c.Span(k).EndsWith("ing", StringComparison.Ordinal)))
            {
                continue;
            }

            SpeakerPhrase? phrase = SpeakerPhraseFinder.FindBefore(c, k, a);
            if (phrase is not SpeakerPhrase p || !StartsClause(c, a, p.First) || !SpeakerPhraseFinder.Agrees(c, p, k, verb!))
            {
                continue;
            }

            // "…, she said, especially …": a parenthetical cue; the content is before it (ContentFirst).
            if (k + n < b && c.IsPunct(k + n, ','))
            {
                continue;
            }

            int content = k + n;
            bool sawThat = false;
            if (WordClasses.PersonObjectVerbs.Contains(verb!.Lemma))
            {
                content = SkipObject(c, content, b);
            }

            content = SkipAdverbials(c, content, b);

            // "said in televised statements that", "pointed out in his statements that": a medium phrase before "that".
            for (int t = content; t < b && t < content + 5; t++)
            {
                if (!c.IsLower(t) || c.In(t, WordClasses.Pronouns) || c.Cues.Match(c.Text, c.Tokens, t, b, out _) > 0)
                {
                    break;
                }

                if (c.Is(t, "that") && t > content && c.In(t - 1, WordClasses.MediaNouns))
                {
                    content = t;
                    break;
                }
            }

            if (content < b && c.Is(content, "that"))
            {
                content++;
                sawThat = true;
            }

            if ((verb.NeedsThat && !sawThat) || content >= b || Words(c, content, b) < MinContentWords || !LooksLikeClause(c, content)
                || c.Tokens[content].Kind is Text.Tokenization.TokenKind.Number or Text.Tokenization.TokenKind.Symbol
                || (!sawThat && WordClasses.NounObjectVerbs.Contains(verb.Lemma)
                    && (c.Is(content, "a") || c.Is(content, "an") || (verb.Lemma is "add" && c.Is(content, "the")))))
            {
                return null;
            }

            return new ReportedSpeech(c.Tokens[content].Start, ContentEnd(c, content, b), k, k + n, p);
        }

        return null;
    }

    /// <summary>"…, X added." and "…, said X."</summary>
    private static ReportedSpeech? ContentFirst(QuoteContext c, int a, int b)
    {
        for (int comma = a + MinContentWords; comma < b - 1; comma++)
        {
            if (!c.IsPunct(comma, ','))
            {
                continue;
            }

            int s = comma + 1;
            if (s < b && c.IsQuoteMark(s))
            {
                s++;
            }

            int n = c.Cues.Match(c.Text, c.Tokens, s, b, out _);
            if (n > 0)
            {
                SpeakerPhrase? after = SpeakerPhraseFinder.FindAfter(c, s + n, b);
                if (after is SpeakerPhrase p)
                {
                    return new ReportedSpeech(c.Tokens[a].Start, c.Tokens[comma - 1].End, s, s + n, p);
                }

                continue;
            }

            for (int k = s + 1; k < b && k <= s + 6; k++)
            {
                n = c.Cues.Match(c.Text, c.Tokens, k, b, out _);
                if (n == 0)
                {
                    continue;
                }

                SpeakerPhrase? phrase = SpeakerPhraseFinder.FindBefore(c, k, s);
                if (phrase is SpeakerPhrase p && p.First == s && OnlyAdverbials(c, k + n, b))
                {
                    return new ReportedSpeech(c.Tokens[a].Start, c.Tokens[comma - 1].End, k, k + n, p);
                }

                break;
            }
        }

        return null;
    }

    private static SpeakerPhrase? PhraseIn(QuoteContext c, int a, int b)
    {
        if (a >= b)
        {
            return null;
        }

        return SpeakerPhraseFinder.FindAfter(c, a, b) ?? SpeakerPhraseFinder.FindBefore(c, b, a);
    }

    /// <summary>The subject starts the clause: at the sentence start, after a conjunction, or after an introductory phrase and comma.</summary>
    private static bool StartsClause(QuoteContext c, int a, int first)
        => LeadingOnly(c, a, first)
            || (first - a <= 10 && !HasCueBefore(c, a, first) && !HasClauseWord(c, a, first))
            || (first - 1 >= a && (c.IsPunct(first - 1, ',') || c.IsPunct(first - 1, ':') || c.In(first - 1, WordClasses.Subordinators)) && !HasCueBefore(c, a, first - 1));


    /// <summary>Whether a relative or complement clause starts before the subject ("the man who met X said").</summary>
    private static bool HasClauseWord(QuoteContext c, int a, int end)
    {
        for (int i = Math.Max(a, end - 80); i < end; i++)
        {
            if (c.Is(i, "who") || c.Is(i, "which") || c.Is(i, "that") || c.Is(i, "whom") || c.Is(i, "whose"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasCueBefore(QuoteContext c, int a, int end)
    {
        for (int i = Math.Max(a, end - 80); i < end; i++)
        {
            if (c.Cues.Match(c.Text, c.Tokens, i, end, out CueVerb? verb) > 0 && !verb!.NeedsThat && c.IsLower(i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LeadingOnly(QuoteContext c, int a, int end)
    {
        if (end - a > 12)
        {
            return false;
        }

        for (int i = a; i < end; i++)
        {
            if (c.IsQuoteMark(i) || c.IsPunct(i, ','))
            {
                continue;
            }

            if (!c.In(i, WordClasses.LeadingFunctionWords))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipObject(QuoteContext c, int i, int b)
    {
        // "told reporters", "told The Canadian Press", "told the Globe and Mail", "told CBC News on Tuesday".
        int start = i;
        if (i < b && c.In(i, WordClasses.Determiners))
        {
            i++;
        }

        while (i < b && i - start < 6 && (c.IsCapitalized(i) || (c.IsLower(i) && !c.Is(i, "that") && !c.In(i, WordClasses.Pronouns) && i - start < 2)))
        {
            i++;
            if (i < b && c.IsLower(i - 1) && !c.In(i - 1, WordClasses.Determiners))
            {
                break;
            }
        }

        return i;
    }

    private static int SkipAdverbials(QuoteContext c, int i, int b)
    {
        // "said Wednesday in a statement that", but not the determiner that starts the content ("said the plan …").
        int start = i;
        bool afterPreposition = false;
        while (i < b && i - start < 8 && (c.In(i, WordClasses.TimeWords) || c.IsPunct(i, ',') || (c.IsCapitalized(i) && i > start && c.In(i - 1, WordClasses.TimeWords))))
        {
            bool determiner = c.Is(i, "the") || c.Is(i, "a") || c.Is(i, "an") || c.Is(i, "this") || c.Is(i, "last");
            if (determiner && !afterPreposition && !c.Is(i, "last") && !c.Is(i, "this"))
            {
                break;
            }

            afterPreposition = c.Is(i, "in") || c.Is(i, "on") || c.Is(i, "at") || c.Is(i, "during") || c.Is(i, "by") || c.Is(i, "via") || (determiner && afterPreposition);
            i++;
        }

        return i;
    }

    private static bool OnlyAdverbials(QuoteContext c, int i, int b)
    {
        for (; i < b; i++)
        {
            if (c.IsPunct(i, ',') || c.IsPunct(i, ';'))
            {
                return true; // "…, he said, adding that …"
            }

            if (c.IsWord(i) && !c.In(i, WordClasses.TimeWords) && !c.IsCapitalized(i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The end of reported content, before a trailing photo credit such as "(Jane Doe/CBC)".</summary>
    private static int ContentEnd(QuoteContext c, int content, int b)
    {
        int end = c.Tokens[b - 1].End;
        for (int i = b - 1; i > content; i--)
        {
            if (c.IsPunct(i, '(') && c.Text.AsSpan(c.Tokens[i].Start, end - c.Tokens[i].Start).Contains('/'))
            {
                int j = i - 1;
                while (j > content && (c.EndsSentence(j) || c.IsPunct(j, ',')))
                {
                    j--;
                }

                return c.Tokens[j].End;
            }
        }

        return end;
    }

    private static bool LooksLikeClause(QuoteContext c, int i)
        => !(c.Is(i, "about") && !(i + 1 < c.Tokens.Length && c.Tokens[i + 1].Kind == Text.Tokenization.TokenKind.Number))
            && !c.Is(i, "to") && !c.Is(i, "for") && !c.Is(i, "of") && !c.Is(i, "with") && !c.Is(i, "by") && !c.Is(i, "so");

    private static int Words(QuoteContext c, int a, int b)
    {
        // Only compared with small thresholds, so counting stops early (keeps long sentences linear).
        int n = 0;
        for (int i = a; i < b && n < 10; i++)
        {
            if (c.IsWord(i))
            {
                n++;
            }
        }

        return n;
    }
}
