namespace NewsExtract.Quotes;

/// <summary>
/// Finds reported speech in one sentence (tokens <c>a..b-1</c>): "X said (that) …", "X told reporters …",
/// "according to X, …" / "…, according to X", and "…, X added." / "…, said X." The content span runs
/// to the end of the clause, without the final punctuation. With <see cref="QuoteContext.LooseCandidates"/>, a
/// sentence the strict rules reject may still give a loose candidate (<see cref="LooseReason"/>) for the trained
/// detector to decide.
/// </summary>
internal static class ReportedSpeechFinder
{
    private const int MinContentWords = 3;

    public static ReportedSpeech? Find(QuoteContext c, int a, int b)
    {
        // "WATCH: Sanders says …", "ANALYSIS: …": a link or section label (page furniture), not reporting by the strict
        // rules; for the detector the clause after the label's colon is a loose candidate ("ANALYSIS: Some experts say …").
        int labelled = 0;
        if (c.Furniture.OpensWithLabel(a, b))
        {
            if (!c.LooseCandidates)
            {
                return null;
            }

            int colon = a;
            while (colon < b && colon < a + 4 && !c.IsPunct(colon, ':'))
            {
                colon++;
            }

            if (colon >= b || !c.IsPunct(colon, ':'))
            {
                return null;
            }

            a = colon + 1;
            labelled = LooseReason.AfterLabel;
        }

        while (b > a && (c.EndsSentence(b - 1) || c.IsQuoteMark(b - 1) || c.Tokens[b - 1].Kind == Text.Tokenization.TokenKind.Punctuation))
        {
            b--;
        }

        if (b - a < 4)
        {
            return null;
        }

        ReportedSpeech? fallback = null;
        ReportedSpeech? found = AccordingTo(c, a, b) ?? SubjectFirst(c, a, b, c.LooseCandidates, ref fallback) ?? ContentFirst(c, a, b) ?? fallback;
        if (found is ReportedSpeech f && labelled != 0)
        {
            return f with { Loose = f.Loose | labelled };
        }

        if (found is ReportedSpeech { Loose: LooseReason.ShortContent } && !c.LooseCandidates)
        {
            return null;
        }

        return found;
    }

    /// <summary>
    /// Whether the cue clause ending before token <paramref name="after"/> is parenthetical: a comma follows it
    /// and the statement goes on for at least three words ("Police, she says, have no policies").
    /// </summary>
    private static bool ContinuesAfter(QuoteContext c, int after, int b)
    {
        int comma = after;
        while (comma < b && comma < after + 6 && !c.IsPunct(comma, ',') && !c.EndsSentence(comma))
        {
            comma++;
        }

        return comma < b && c.IsPunct(comma, ',') && Words(c, comma + 1, b) >= MinContentWords;
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

            if (i - 1 > a && c.IsPunct(i - 1, ','))
            {
                int front = Words(c, a, i - 1);
                if (front >= MinContentWords)
                {
                    return new ReportedSpeech(c.Tokens[a].Start, c.Tokens[i - 2].End, i, i + 2, phrase);
                }

                // "Shelter residents, according to the findings, are fearful …": a subject before a parenthetical source.
                if (front > 0 && ContinuesAfter(c, i + 2, b))
                {
                    return new ReportedSpeech(c.Tokens[a].Start, c.Tokens[i - 2].End, i, i + 2, phrase, LooseReason.ShortContent);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// "X said (that) …", "X told reporters …", "In a statement, X said …". When <paramref name="loose"/> is set,
    /// the first cue that only breaks a strict rule (<see cref="LooseReason"/>) is kept in <paramref name="fallback"/>.
    /// </summary>
    private static ReportedSpeech? SubjectFirst(QuoteContext c, int a, int b, bool loose, ref ReportedSpeech? fallback)
    {
        for (int k = a + 1; k < b - 1; k++)
        {
            int n = c.Cues.Match(c.Text, c.Tokens, k, b, out CueVerb? verb);
            if (n == 0)
            {
                continue;
            }

            // "the examiner's report", "a claim": a noun, not a verb.
            if (c.Span(k - 1).EndsWith("\u2019s", StringComparison.Ordinal) || c.Span(k - 1).EndsWith("'s", StringComparison.Ordinal)
                || c.Is(k - 1, "a") || c.Is(k - 1, "an"))
            {
                continue;
            }

            // ", adding …": a participle of another clause.
            if (c.IsPunct(k - 1, ',') && c.Span(k).EndsWith("ing", StringComparison.Ordinal))
            {
                if (loose && fallback is null)
                {
                    fallback = Loose(c, k, n, verb!, b, null, LooseReason.Participle);
                }

                continue;
            }

            SpeakerPhrase? phrase = SpeakerPhraseFinder.FindBefore(c, k, a);
            if (phrase is not SpeakerPhrase p || !StartsClause(c, a, p.First) || !SpeakerPhraseFinder.Agrees(c, p, k, verb!))
            {
                // "“…,” says the affable owner": a marked quote's inverted cue, whose object is its speaker, not speech.
                // Kept out of the loose readings: a negated cue ("do not say that …", "has not said …": no statement), and a
                // cue in a comparative or free relative clause ("lower than the city says they are", "what he said about …"),
                // whose content is the main clause's, not the subject's statement.
                int lo = phrase is SpeakerPhrase np ? np.Last + 1 : Math.Max(a, k - 3);
                if (loose && fallback is null && c.IsLower(k) && !c.IsQuoteMark(k - 1) && !SpeakerPhraseFinder.IsNegated(c, lo, k)
                    && !InGapClause(c, a, k, phrase))
                {
                    // The phrase found before the cue stays the candidate's speaker phrase even though it does not start the
                    // clause or agree with the verb ("some at the club say", "city staff confirmed").
                    fallback = Loose(c, k, n, verb!, b, phrase, LooseReason.NoSubject);
                }

                continue;
            }

            // "…, she said, especially …": a parenthetical cue; the content is before it (ContentFirst).
            if (k + n < b && c.IsPunct(k + n, ','))
            {
                continue;
            }

            int flags = ContentOf(c, k, n, verb!, b, out int content);
            if (flags != 0)
            {
                if (loose && fallback is null && flags > 0)
                {
                    fallback = new ReportedSpeech(c.Tokens[content].Start, ContentEnd(c, content, b), k, k + n, p, flags);
                }

                return null;
            }

            return new ReportedSpeech(c.Tokens[content].Start, ContentEnd(c, content, b), k, k + n, p);
        }

        return null;
    }

    /// <summary>
    /// Whether the cue at <paramref name="k"/> stands in a comparative or free relative clause: "than" or "what" right
    /// before its subject phrase or among the three words before it ("higher than city reports say", "what he said").
    /// </summary>
    private static bool InGapClause(QuoteContext c, int a, int k, SpeakerPhrase? phrase)
    {
        if (phrase is SpeakerPhrase p && p.First - 1 >= a && IsGapWord(c, p.First - 1))
        {
            return true;
        }

        for (int g = k - 1; g >= a && g >= k - 3 && c.IsWord(g); g--)
        {
            if (IsGapWord(c, g))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGapWord(QuoteContext c, int t) => c.Is(t, "than") || c.Is(t, "what");

    private static ReportedSpeech? Loose(QuoteContext c, int k, int n, CueVerb verb, int b, SpeakerPhrase? phrase, int reason)
    {
        if (k + n < b && c.IsPunct(k + n, ','))
        {
            return null;
        }

        int flags = ContentOf(c, k, n, verb, b, out int content);
        return flags < 0 ? null : new ReportedSpeech(c.Tokens[content].Start, ContentEnd(c, content, b), k, k + n, phrase, flags | reason);
    }

    /// <summary>
    /// Where the content after the cue (tokens <c>k..k+n-1</c>) starts: -1 when there is none, else the
    /// <see cref="LooseReason"/> bits of the strict rules it breaks (0: none).
    /// </summary>
    private static int ContentOf(QuoteContext c, int k, int n, CueVerb verb, int b, out int content)
    {
        content = k + n;
        bool sawThat = false;
        if (WordClasses.PersonObjectVerbs.Contains(verb.Lemma))
        {
            content = SkipObject(c, content, b);
        }

        content = SkipAdverbials(c, content, b);

        // "said in televised statements that", "pointed out in his statements that": a medium phrase before "that".
        for (int t = content; t < b && t < content + 5; t++)
        {
            // A medium noun that is also a cue verb ("in a note that", "in a report that") is the medium here.
            if (!c.IsLower(t) || c.In(t, WordClasses.Pronouns)
                || (!(c.In(t, WordClasses.MediaNouns) && t + 1 < b && c.Is(t + 1, "that")) && c.Cues.Match(c.Text, c.Tokens, t, b, out _) > 0))
            {
                break;
            }

            if (c.Is(t, "that") && t > content && (c.In(t - 1, WordClasses.MediaNouns) || OnlyAdverbs(c, content, t)))
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

        // "authorities said Saturday. He …" (a boundary the splitter missed): the content does not start at a full stop.
        if (content >= b || Words(c, content, b) < MinContentWords || c.IsPunct(content, '.') || c.IsPunct(content, '!') || c.IsPunct(content, '?'))
        {
            return -1;
        }

        int flags = 0;
        if (verb.NeedsThat && !sawThat)
        {
            flags |= LooseReason.NoThat;
        }

        if (!LooksLikeClause(c, content))
        {
            flags |= LooseReason.NotClause;
        }

        if (c.Tokens[content].Kind is Text.Tokenization.TokenKind.Number or Text.Tokenization.TokenKind.Symbol)
        {
            flags |= LooseReason.NumberStart;
        }

        if (!sawThat && WordClasses.NounObjectVerbs.Contains(verb.Lemma)
            && (c.Is(content, "a") || c.Is(content, "an") || (verb.Lemma is "add" && c.Is(content, "the"))))
        {
            flags |= LooseReason.NounObject;
        }

        return flags;
    }

    /// <summary>"…, X added." and "…, said X."</summary>
    private static ReportedSpeech? ContentFirst(QuoteContext c, int a, int b)
    {
        for (int comma = a + 1; comma < b - 1; comma++)
        {
            if (!c.IsPunct(comma, ','))
            {
                continue;
            }

            // Fewer than three words before the comma: only a parenthetical cue ("Too often, he says, they get it").
            int shortFront = Words(c, a, comma) >= MinContentWords ? 0 : LooseReason.ShortContent;

            int s = comma + 1;
            if (s < b && c.IsQuoteMark(s))
            {
                s++;
            }

            int n = c.Cues.Match(c.Text, c.Tokens, s, b, out _);
            if (n > 0)
            {
                SpeakerPhrase? after = SpeakerPhraseFinder.FindAfter(c, s + n, b);
                if (after is SpeakerPhrase p && (shortFront == 0 || ContinuesAfter(c, p.Last + 1, b)))
                {
                    return new ReportedSpeech(c.Tokens[a].Start, c.Tokens[comma - 1].End, s, s + n, p, shortFront);
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
                if (phrase is SpeakerPhrase p && p.First == s && OnlyAdverbials(c, k + n, b) && (shortFront == 0 || ContinuesAfter(c, k + n, b)))
                {
                    return new ReportedSpeech(c.Tokens[a].Start, c.Tokens[comma - 1].End, k, k + n, p, shortFront);
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

        // The rest of an outlet's name: "told BBC Radio 4 there …", "told the Sunday Telegraph newspaper there …".
        if (i > start && i < b && c.IsCapitalized(i - 1) && c.Tokens[i].Kind == Text.Tokenization.TokenKind.Number)
        {
            i++;
        }

        if (i > start && i < b && c.IsCapitalized(i - 1) && c.IsLower(i) && c.In(i, WordClasses.OutletNouns))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Whether tokens <c>a..end-1</c> are all adverbs by form or by the reporting-adverbials lexicon ("said
    /// publicly that", "said only that", "said afterwards that"): read only before "that", where an adverb
    /// cannot open the content.
    /// </summary>
    private static bool OnlyAdverbs(QuoteContext c, int a, int end)
    {
        for (int t = a; t < end; t++)
        {
            ReadOnlySpan<char> w = c.Span(t);
            if (!c.IsLower(t) || !((w.Length >= 4 && w.EndsWith("ly", StringComparison.Ordinal)) || c.In(t, WordClasses.TimeWords)))
            {
                return false;
            }
        }

        return true;
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
            if (c.IsPunct(i, ',') || c.IsPunct(i, ';') || c.IsPunct(i, '.') || c.IsPunct(i, '!') || c.IsPunct(i, '?'))
            {
                return true; // "…, he said, adding that …"; "…, police said Saturday. He …"
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
