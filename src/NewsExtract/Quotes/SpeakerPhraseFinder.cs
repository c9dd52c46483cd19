using NewsExtract.Internal;

namespace NewsExtract.Quotes;

/// <summary>
/// Finds the words naming the speaker next to a speech verb: the subject before it ("Riabkov assured",
/// "Hugh Hill, a doctor, said", "X, who led …, said", "Sen. Jane Doe, D-Mich., said") or after it in
/// inverted order ("said Backlund", "said the minister").
/// </summary>
internal static class SpeakerPhraseFinder
{
    private const int MaxNominalWords = 5;

    /// <summary>The subject ending right before the cue starting at token <paramref name="cue"/>, not before token <paramref name="lo"/>.</summary>
    public static SpeakerPhrase? FindBefore(QuoteContext c, int cue, int lo)
    {
        int j = cue - 1;
        while (j >= lo && c.IsLower(j) && (c.In(j, WordClasses.Auxiliaries) || c.Span(j).EndsWith("ly", StringComparison.Ordinal)))
        {
            j--;
        }

        // "Analysts on Tuesday said", "… before the market opened on Tuesday said": a day named after "on" is when, not who.
        if (j - 1 >= lo && c.IsCapitalized(j) && c.In(j, WordClasses.TimeWords) && c.Is(j - 1, "on"))
        {
            j -= 2;
            while (j >= lo && c.IsLower(j) && (c.In(j, WordClasses.Auxiliaries) || c.Span(j).EndsWith("ly", StringComparison.Ordinal)))
            {
                j--;
            }
        }

        if (j < lo)
        {
            return null;
        }

        int bound = lo;
        for (int hop = 0; hop < 4 && j >= lo && c.IsPunct(j, ','); hop++)
        {
            // Skip an appositive, relative clause or affiliation between commas.
            int k = j - 1;
            while (k >= lo && k > j - 40 && !c.IsPunct(k, ',') && !c.IsQuoteMark(k))
            {
                k--;
            }

            if (k < lo || !c.IsPunct(k, ','))
            {
                return null;
            }

            // A place that qualifies the appositive before it: "Jane Doe, mayor of Leeds, West Yorkshire, said".
            if (!IsAppositive(c, k + 1, j) && IsPlaceOnly(c, k + 1, j) && PrecedingSegment(c, k, lo) is int before && IsAppositive(c, before + 1, k))
            {
                j = k;
                continue;
            }

            if (IsAppositive(c, k + 1, j))
            {
                // Another describing segment right before this one ("Sen. Jane Doe, D-Mich., a member of …, said"):
                // stay on its closing comma so the next hop skips it too.
                j = k - 1;
                if (PrecedingSegment(c, k, lo) is int k2 && IsAppositive(c, k2 + 1, k))
                {
                    j = k;
                }

                continue;
            }

            // The end of a portfolio list begun in the segment before: "Jane Doe, Minister of Trade, Industry and Energy, said".
            if (HasWord(c, k + 1, j, "and") && PrecedingTitleOf(c, k, lo) is int listStart)
            {
                j = listStart - 1;
                break;
            }

            // Not an appositive: the segment itself may be the speaker ("the spokesman, Dmitri Peskov, said").
            bound = k + 1;
            j--;
            break;
        }

        if (j < bound)
        {
            return null;
        }

        SpeakerPhrase? phrase = PhraseEndingAt(c, j, bound);

        // "Kent Moore at the University of Toronto says": the name before a place or employer phrase.
        if (phrase is SpeakerPhrase p && p.Kind == SpeakerPhraseKind.Name)
        {
            int prep = p.First - 1;
            if (prep - 1 >= bound && (c.Is(prep, "at") || c.Is(prep, "of") || c.Is(prep, "with") || c.Is(prep, "from")) && c.IsCapitalized(prep - 1))
            {
                SpeakerPhrase? before = PhraseEndingAt(c, prep - 1, bound);
                if (before is SpeakerPhrase b && b.Kind == SpeakerPhraseKind.Name)
                {
                    return before;
                }
            }

            // "The new health minister for Wales says": the role is the speaker, not the place it is for.
            if (prep - 1 >= bound && (c.Is(prep, "for") || c.Is(prep, "of")) && c.IsLower(prep - 1) && IsPlaceOnly(c, p.First, p.Last + 1)
                && PhraseEndingAt(c, prep - 1, bound) is SpeakerPhrase role && role.Kind == SpeakerPhraseKind.Nominal)
            {
                return role;
            }
        }

        return phrase;
    }

    /// <summary>The speaker right after a cue ending before token <paramref name="start"/> ("said Backlund.").</summary>
    public static SpeakerPhrase? FindAfter(QuoteContext c, int start, int hi)
    {
        if (start >= hi || !c.IsWord(start))
        {
            return null;
        }

        if (LeadingRoleWordsBeforePerson(c, start, hi) is int name && FindAfter(c, name, hi) is { } named)
        {
            // "said farmer Ahmed Sadiq": the speaker is the person's name after the role words.
            return named;
        }

        int end;
        SpeakerPhraseKind kind;
        if (c.In(start, WordClasses.Pronouns) && !c.Is(start, "it"))
        {
            end = start;
            kind = SpeakerPhraseKind.Pronoun;
        }
        else if (c.IsCapitalized(start) || c.MentionAt(start) >= 0)
        {
            // "Rockets general manager Bruce Hamilton": role words between capitalized ones belong to the phrase.
            end = start;
            while (end + 2 < hi && (c.IsCapitalized(end + 1) || IsRoleWord(c, end + 1)) && c.IsLower(end + 1) && HasCapitalAhead(c, end + 1, hi))
            {
                end++;
            }

            while (end + 1 < hi && end - start < 12 && (c.IsCapitalized(end + 1) || (end + 2 < hi && c.In(end + 1, WordClasses.NameConnectors) && c.IsCapitalized(end + 2))
                || (end + 2 < hi && c.IsGluedHyphen(end + 1))
                || (end + 2 < hi && c.IsPunct(end + 1, '.') && c.IsHonorific(end) && c.IsCapitalized(end + 2))))
            {
                end++;
            }

            for (int k = start + 1; k < end; k++)
            {
                if (c.Is(k, "of") && c.IsGivenNameOrHonorific(start))
                {
                    end = k - 1;
                    break;
                }
            }

            kind = c.In(end, WordClasses.SpeakerNouns) && end == start ? SpeakerPhraseKind.Nominal : SpeakerPhraseKind.Name;

            // "says Campbell’s partner, Jason Louth": a possessor names whose role it is; the speaker is the name after the comma.
            if (c.Span(end).EndsWith("\u2019s", StringComparison.Ordinal) || c.Span(end).EndsWith("'s", StringComparison.Ordinal)
                || (end + 1 < hi && (c.Is(end + 1, "\u2019s") || c.Is(end + 1, "'s"))))
            {
                int k = end + 1;
                while (k < hi && k <= end + 5 && c.IsWord(k) && !c.IsCapitalized(k))
                {
                    k++;
                }

                if (k + 1 < hi && c.IsPunct(k, ',') && c.IsCapitalized(k + 1))
                {
                    return FindAfter(c, k + 1, hi);
                }

                return null;
            }
        }
        else if (c.In(start, WordClasses.Determiners) || c.In(start, WordClasses.SpeakerNouns))
        {
            end = start;
            while (end + 1 < hi && end - start < MaxNominalWords && c.IsWord(end + 1) && !IsBreaker(c, end + 1))
            {
                end++;
            }

            // A name inside the phrase is the speaker: "said the minister, Jane Doe" is handled by the caller.
            int head = end;
            while (head > start && !c.In(head, WordClasses.SpeakerNouns) && !c.IsCapitalized(head))
            {
                head--;
            }

            if (!c.In(head, WordClasses.SpeakerNouns) && !c.IsCapitalized(head))
            {
                return null;
            }

            end = head;
            kind = c.IsCapitalized(head) ? SpeakerPhraseKind.Name : SpeakerPhraseKind.Nominal;
        }
        else
        {
            return null;
        }

        // The phrase must end the clause: "said Backlund." / "said Backlund, a forward" / "said he, laughing" / "said X before leaving".
        if (end + 1 < hi && c.IsWord(end + 1) && !c.In(end + 1, WordClasses.TimeWords) && !c.In(end + 1, WordClasses.SpeakerPhraseBreakers))
        {
            return null;
        }

        return new SpeakerPhrase(start, end, end, kind);
    }

    private static SpeakerPhrase? PhraseEndingAt(QuoteContext c, int j, int lo)
    {
        if (!c.IsWord(j) && c.MentionAt(j) < 0)
        {
            return null;
        }

        if (c.In(j, WordClasses.Pronouns))
        {
            return new SpeakerPhrase(j, j, j, SpeakerPhraseKind.Pronoun);
        }

        if (c.IsCapitalized(j) || c.MentionAt(j) >= 0)
        {
            int i = j;
            while (i - 1 >= lo && j - i < 12 && (c.IsCapitalized(i - 1) || (c.MentionAt(i - 1) >= 0 && c.MentionAt(i - 1) == c.MentionAt(i))
                || (i - 2 >= lo && c.In(i - 1, WordClasses.NameConnectors) && c.IsCapitalized(i - 2))
                || (i - 2 >= lo && c.IsGluedHyphen(i - 1))
                || (i - 2 >= lo && c.IsPunct(i - 1, '.') && c.IsHonorific(i - 2))))
            {
                i--;
            }

            while (i < j && c.In(i, WordClasses.LeadingFunctionWords))
            {
                i++;
            }

            if (i == j && (c.In(j, WordClasses.LeadingFunctionWords) || c.In(j, WordClasses.Determiners)))
            {
                return null;
            }

            // "Jingyi Pan of IG said": a person's name before "of" is the speaker, not the firm after it.
            int head = j;
            for (int k = i + 1; k < j; k++)
            {
                if (c.Is(k, "of") && c.IsGivenNameOrHonorific(i))
                {
                    head = k - 1;
                    break;
                }
            }

            // Role words and titles before the name belong to the phrase: "Kremlin spokesman Dmitri Peskov", "Dr. Jane Doe".
            while (i - 1 >= lo && j - i < 16 && (IsRoleWord(c, i - 1) || (c.IsPunct(i - 1, '.') && i - 2 >= lo && c.IsHonorific(i - 2))))
            {
                i--;
            }

            if (i - 1 >= lo && c.Is(i - 1, "the"))
            {
                i--;
            }

            bool nominal = i == j && c.In(j, WordClasses.SpeakerNouns);
            return new SpeakerPhrase(i, head, head, nominal ? SpeakerPhraseKind.Nominal : SpeakerPhraseKind.Name);
        }

        // "Another member of the public", "one of the organizers": a speaker noun with an of-phrase of common words after
        // it; the speaker noun heads the phrase, which runs to the end of the of-phrase.
        if (c.IsLower(j) && !c.In(j, WordClasses.SpeakerNouns))
        {
            for (int k = j - 1; k - 1 >= lo && k >= j - 3 && c.IsWord(k) && c.IsLower(k); k--)
            {
                if (c.Is(k, "of"))
                {
                    if (c.IsLower(k - 1) && c.In(k - 1, WordClasses.SpeakerNouns) && !c.In(k - 1, WordClasses.DocumentNouns)
                        && PhraseEndingAt(c, k - 1, lo) is SpeakerPhrase owner && owner.Kind == SpeakerPhraseKind.Nominal)
                    {
                        return owner with { Last = j };
                    }

                    break;
                }
            }
        }

        if (c.IsLower(j) && c.In(j, WordClasses.SpeakerNouns))
        {
            int i = j;
            while (i - 1 >= lo && j - i < MaxNominalWords && c.IsWord(i - 1) && !IsBreaker(c, i - 1) && !c.In(i - 1, WordClasses.Auxiliaries))
            {
                i--;
                if (c.In(i, WordClasses.Determiners))
                {
                    break;
                }
            }

            while (i < j && c.In(i, WordClasses.LeadingFunctionWords) && !c.In(i, WordClasses.Determiners))
            {
                i++;
            }

            // "her statement said": the statement speaks for its owner.
            if (i < j && c.In(j, WordClasses.DocumentNouns) && (c.Is(i, "his") || c.Is(i, "her") || c.Is(i, "their") || c.Is(i, "its")))
            {
                return new SpeakerPhrase(i, j, i, SpeakerPhraseKind.Pronoun);
            }

            return new SpeakerPhrase(i, j, j, SpeakerPhraseKind.Nominal);
        }

        // A common noun that starts its clause: "observers say", "But some experts say", "The 32-year-old labourer says".
        if (c.IsLower(j) && c.Tokens[j].Length > 3 && !IsBreaker(c, j) && !c.In(j, WordClasses.Auxiliaries))
        {
            bool plural = c.Span(j).EndsWith("s", StringComparison.Ordinal);
            int i = j;
            while (i - 1 >= lo && j - i < 3 && c.IsWord(i - 1) && !IsBreaker(c, i - 1) && !c.In(i - 1, WordClasses.LeadingFunctionWords)
                && !c.In(i - 1, WordClasses.Auxiliaries) && !c.In(i - 1, WordClasses.Pronouns))
            {
                i--;
                if (c.In(i, WordClasses.Determiners))
                {
                    break;
                }
            }

            bool determined = c.In(i, WordClasses.Determiners) && (i == lo || c.In(i - 1, WordClasses.LeadingFunctionWords) || !c.IsWord(i - 1));
            if (determined || (plural && (i == lo || c.In(i, WordClasses.Determiners) || c.In(i - 1, WordClasses.LeadingFunctionWords) || !c.IsWord(i - 1))))
            {
                return new SpeakerPhrase(i, j, j, SpeakerPhraseKind.Nominal);
            }
        }

        return null;
    }

    private static bool HasWord(QuoteContext c, int a, int b, string word)
    {
        for (int k = a; k < b; k++)
        {
            if (c.Is(k, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The comma opening a segment that ends at comma <paramref name="comma"/> and starts with a
    /// capitalized title and "of" ("Minister of Trade"), or null.
    /// </summary>
    private static int? PrecedingTitleOf(QuoteContext c, int comma, int lo)
    {
        int k = comma - 1;
        while (k >= lo && k > comma - 12 && !c.IsPunct(k, ',') && !c.IsQuoteMark(k))
        {
            k--;
        }

        if (k < lo || !c.IsPunct(k, ',') || k + 2 >= comma)
        {
            return null;
        }

        return c.IsCapitalized(k + 1) && c.IsTitle(k + 1) && c.Is(k + 2, "of") ? k : null;
    }

    /// <summary>Whether tokens <c>a..b-1</c> are exactly one place mention ("West Yorkshire"; typed Location or on the model's place lists).</summary>
    private static bool IsPlaceOnly(QuoteContext c, int a, int b)
    {
        int m = c.MentionAt(a);
        if (m < 0)
        {
            return false;
        }

        MentionInfo mention = c.Document.Mentions[m];
        return (mention.Type == EntityType.Location || mention.ListedPlace) && mention.FirstToken == a && mention.FirstToken + mention.TokenCount == b;
    }

    /// <summary>The comma opening the segment that ends at the comma <paramref name="comma"/>, or null.</summary>
    private static int? PrecedingSegment(QuoteContext c, int comma, int lo)
    {
        int k = comma - 1;
        while (k >= lo && k > comma - 40 && !c.IsPunct(k, ',') && !c.IsQuoteMark(k))
        {
            k--;
        }

        return k >= lo && k < comma - 1 && c.IsPunct(k, ',') ? k : null;
    }

    /// <summary>Whether tokens <c>a..b-1</c> between commas describe rather than name ("a doctor", "who led …", "D-Mich.").</summary>
    private static bool IsAppositive(QuoteContext c, int a, int b)
    {
        if (a >= b || b - a > 30)
        {
            return false;
        }

        if (c.IsLower(a) || c.In(a, WordClasses.Determiners) || c.Is(a, "who") || c.Is(a, "which"))
        {
            return true;
        }

        // A title and what it is of or for: "MP for Henley", "Minister of Health", "Mayor of Leeds".
        if (a + 2 < b && c.IsTitle(a) && (c.Is(a + 1, "for") || c.Is(a + 1, "of")))
        {
            return true;
        }

        // A province or state abbreviation after a place: "Antigonish, N.S., says", "Milton, Ont., said".
        if (b - a <= 4 && c.IsCapitalized(a) && c.Tokens[a].Length <= 5 && (c.IsPunct(b - 1, '.') || c.Span(b - 1).EndsWith(".", StringComparison.Ordinal)))
        {
            return true;
        }

        // Party affiliations ("D-Mich.", "R-Texas") and ages ("45").
        if (b - a <= 4)
        {
            for (int k = a; k < b; k++)
            {
                ReadOnlySpan<char> w = c.Span(k);
                // The tokenizer splits hyphens, so "D-Mich." may arrive as "D" "-" "Mich" ".".
                bool splitAffiliation = w.Length == 1 && char.IsUpper(w[0]) && k + 2 < b && c.IsDash(k + 1)
                    && c.Tokens[k + 1].Start == c.Tokens[k].End && c.IsCapitalized(k + 2);
                if ((w.Length >= 3 && w[1] == '-' && char.IsUpper(w[0])) || splitAffiliation || (k == a && c.Tokens[k].Kind == Text.Tokenization.TokenKind.Number))
                {
                    return true;
                }
            }
        }

        // "Canada’s ambassador to China": a capitalized start followed by a role noun.
        int window = a + 5;
        for (int k = a + 1; k < b && k < window; k++)
        {
            // A split hyphen ("Alberta-based") is one word, not three.
            if (c.IsDash(k) && c.Tokens[k - 1].End == c.Tokens[k].Start)
            {
                window += 2;
            }

            if (c.IsLower(k) && (c.In(k, WordClasses.SpeakerNouns) || c.IsTitle(k)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a negation ("not", "never", "-n't") stands in tokens <c>from..cue-1</c>, between a subject and its cue ("do not say").</summary>
    public static bool IsNegated(QuoteContext c, int from, int cue)
    {
        for (int k = Math.Max(0, from); k < cue; k++)
        {
            if (c.Is(k, "not") || c.Is(k, "never") || c.Span(k).EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase) || c.Span(k).EndsWith("n't", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a subject agrees with the verb form: a bare form ("report", "say") needs a plural or
    /// I/we/you/they subject, so "The PBO report concluded" and "A final report is" are not speech;
    /// a capitalized verb inside a sentence ("Arizona State") is a name.
    /// </summary>
    public static bool Agrees(QuoteContext c, SpeakerPhrase subject, int cue, CueVerb verb)
    {
        if (char.IsUpper(c.Text[c.Tokens[cue].Start]) && cue > 0 && !c.EndsSentence(cue - 1) && !c.IsQuoteMark(cue - 1))
        {
            return false;
        }

        // Negated or passive speech is not a statement by the subject: "do not say", "was reported by".
        if (IsNegated(c, subject.Last + 1, cue))
        {
            return false;
        }

        if (cue - 1 > subject.Last && (c.Is(cue - 1, "was") || c.Is(cue - 1, "were") || c.Is(cue - 1, "is") || c.Is(cue - 1, "are") || c.Is(cue - 1, "been") || c.Is(cue - 1, "be"))
            && !c.Span(cue).EndsWith("ing", StringComparison.Ordinal))
        {
            return false;
        }

        if (!c.Span(cue).Equals(verb.Lemma.Split(' ')[0], StringComparison.OrdinalIgnoreCase) || verb.Lemma is "read")
        {
            return true;
        }

        // A bare form after an auxiliary ("would say", "did not deny") agrees with anything.
        if (cue - 1 >= 0 && c.IsLower(cue - 1) && c.In(cue - 1, WordClasses.Auxiliaries))
        {
            return true;
        }

        ReadOnlySpan<char> head = c.Span(subject.Head);
        return subject.Kind == SpeakerPhraseKind.Pronoun
            ? !(head.Equals("he", StringComparison.OrdinalIgnoreCase) || head.Equals("she", StringComparison.OrdinalIgnoreCase) || head.Equals("it", StringComparison.OrdinalIgnoreCase))
            : head.EndsWith("s", StringComparison.Ordinal) || head.Equals("police", StringComparison.OrdinalIgnoreCase) || head.Equals("people", StringComparison.OrdinalIgnoreCase)
                || (subject.First < subject.Head && c.Is(subject.Head - 1, "and"));
    }

    private static bool HasCapitalAhead(QuoteContext c, int from, int hi)
    {
        for (int k = from; k < hi && k < from + 4; k++)
        {
            if (c.IsCapitalized(k))
            {
                return true;
            }

            if (!IsRoleWord(c, k))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Rule "role words before a person" ("said farmer Ahmed Sadiq", "said retired teacher Mary Okafor"): the
    /// recognizer leaves lowercase role words outside a person mention, so up to <see cref="MaxNominalWords"/>
    /// lowercase words (no pronoun, determiner or phrase breaker; a speaker noun only after the first, since "said
    /// spokesman X" is the nominal rule's) directly followed by the first token
    /// of a Person mention are read as part of the speaker phrase. Returns that first name token, or null.
    /// </summary>
    private static int? LeadingRoleWordsBeforePerson(QuoteContext c, int start, int hi)
    {
        int k = start;
        while (k < hi && k - start < MaxNominalWords && c.IsLower(k) && c.MentionAt(k) < 0
            && !c.In(k, WordClasses.Pronouns) && !c.In(k, WordClasses.Determiners) && (k > start || !c.In(k, WordClasses.SpeakerNouns)) && !IsBreaker(c, k))
        {
            k++;
        }

        int m = c.MentionAt(k);
        if (k == start || k >= hi || m < 0)
        {
            return null;
        }

        MentionInfo mention = c.Document.Mentions[m];
        return mention.Type == EntityType.Person && mention.FirstToken == k ? k : null;
    }

    private static bool IsRoleWord(QuoteContext c, int token)
        => c.IsCapitalized(token) || (c.IsLower(token) && (c.In(token, WordClasses.SpeakerNouns) || c.IsTitle(token)));

    private static bool IsBreaker(QuoteContext c, int token)
        => c.In(token, WordClasses.SpeakerPhraseBreakers);

}
