using NewsExtract.Internal;
using NewsExtract.Resolution;
using NewsExtract.Structure;

namespace NewsExtract.Quotes;

/// <summary>
/// Finds quotations and reported speech and attributes them. Quote marks are paired per paragraph
/// (<see cref="QuoteMarkScanner"/>, read from the <see cref="PageFurniture"/> layer); each quote is Direct (it stands as a sentence), Partial (a fragment
/// inside a reporting sentence: the span is the reported content) or dropped (a scare quote or title
/// with no speech verb). Sentences without marks are searched for reported speech (Indirect). Speakers
/// come from ordered sieves (<see cref="AttributionSieves"/>) and are resolved in text order.
/// </summary>
internal sealed class QuoteExtractor
{
    private readonly CueLexicon _cues = CueLexicon.Default;
    private readonly SpeakerRankingModel? _model;
    private readonly double _minConfidence;
    private readonly bool _allCandidates;

    /// <summary>Creates the stage with the shipped attribution model and no confidence threshold.</summary>
    public QuoteExtractor()
        : this(SpeakerRankingModel.Default, 0)
    {
    }

    /// <summary>
    /// Creates the stage with an attribution model (null: the rule pass decides) and a confidence threshold;
    /// <paramref name="allCandidates"/> (training only) emits every quote candidate, loose ones included, undecided.
    /// </summary>
    public QuoteExtractor(SpeakerRankingModel? model, double minConfidence, bool allCandidates = false)
    {
        _model = model;
        _minConfidence = minConfidence;
        _allCandidates = allCandidates;
    }

    /// <summary>Finds the quotes of a document; <paramref name="trace"/>, when given, receives every quote's speaker candidates.</summary>
    public Quote[] Extract(QuoteLayers document, EntityIndex index, List<RankedQuote>? trace = null)
    {
        if (document.Tokens.Length == 0)
        {
            return [];
        }

        var c = new QuoteContext(document, index, _cues) { LooseCandidates = _allCandidates || _model is { HasDetection: true } };
        var candidates = new List<QuoteCandidate>();
        Paragraph[] paragraphs = document.Layout.Paragraphs;
        bool previousOpen = false;
        int previousQuoteParagraph = -10;
        for (int p = 0; p < paragraphs.Length; p++)
        {
            Paragraph paragraph = paragraphs[p];
            if (paragraph.Kind == ParagraphKind.Boilerplate)
            {
                previousOpen = false;
                continue;
            }

            if (c.Furniture.IsPhotoCaption(p))
            {
                previousOpen = false;
                continue;
            }

            IReadOnlyList<QuoteRegion> regions = c.Furniture.QuoteRegions(p);
            int before = candidates.Count;
            AddMarkedQuotes(c, p, paragraph, regions, candidates, previousOpen, previousQuoteParagraph == p - 1);
            // A title that is a full sentence (the lead of a text without a headline) is searched too.
            if (paragraph.Kind == ParagraphKind.Body || (paragraph.Kind == ParagraphKind.Title && paragraph.End > paragraph.Start
                && document.Text[paragraph.End - 1] is '.' or '!' or '?'))
            {
                AddReportedSpeech(c, p, paragraph, regions, candidates);
                if (c.LooseCandidates && regions.Count == 0)
                {
                    AddNameLine(c, p, paragraph, candidates);
                }
            }

            previousOpen = regions.Count > 0 && regions[^1].CloseMark < 0;
            if (candidates.Count > before)
            {
                previousQuoteParagraph = p;
            }
        }

        candidates.Sort((x, y) => x.Start.CompareTo(y.Start));

        // A quote left open at a paragraph end and continued in the next paragraph is one quotation: when the
        // attribution comes in the continuation ("“…¶“…,” she said."), the opening part shares it.
        for (int i = 0; i < candidates.Count; i++)
        {
            if (!candidates[i].OpenAtEnd || candidates[i].Attribution is not null)
            {
                continue;
            }

            for (int j = i + 1; j < candidates.Count && candidates[j].Paragraph <= candidates[i].Paragraph + 1; j++)
            {
                if (candidates[j].Paragraph == candidates[i].Paragraph + 1 && candidates[j].Continues)
                {
                    if (candidates[j].Attribution is not null || candidates[j].SharesWith is not null)
                    {
                        candidates[i].SharesWith = candidates[j].Attribution is not null ? candidates[j] : candidates[j].SharesWith;
                    }

                    break;
                }
            }
        }

        var resolver = new SpeakerResolver(c);
        return Resolve(c, resolver, candidates, new SpeakerRanker(c, resolver, _model), trace, _minConfidence, _allCandidates ? null : _model);
    }

    private static void AddMarkedQuotes(QuoteContext c, int p, Paragraph paragraph, IReadOnlyList<QuoteRegion> regions,
        List<QuoteCandidate> candidates, bool previousOpen, bool previousHadQuote)
    {
        int consumedUntil = -1;
        var local = new List<QuoteCandidate>();
        for (int r = 0; r < regions.Count; r++)
        {
            QuoteRegion region = regions[r];
            if (region.ContentStart < consumedUntil)
            {
                continue;
            }

            int headFrom = r > 0 ? Math.Max(regions[r - 1].CloseMark + 1, regions[r - 1].ContentEnd) : paragraph.Start;
            int open = region.OpenMark;
            (int sentenceStart, int headWords, bool headHasColonOrCue) = Head(c, headFrom, open);
            int tailEnd = r + 1 < regions.Count ? regions[r + 1].OpenMark : paragraph.End;
            int tailFrom = region.CloseMark >= 0 ? region.CloseMark + 1 : region.ContentEnd;
            bool standalone = headWords == 0 || headHasColonOrCue;
            if (standalone)
            {
                var q = new QuoteCandidate(region.ContentStart, region.ContentEnd, QuoteKind.Direct, p);
                // "Smith said: “We will win.” Jones said he disagreed.": a quote introduced by a cue that closes its sentence
                // belongs to that cue; the words after it start a sentence of their own.
                bool introduced = headHasColonOrCue && headWords > 0 && region.ContentEnd > region.ContentStart
                    && c.Text[region.ContentEnd - 1] is '.' or '?' or '!';
                q.Attribution = introduced
                    ? AttributionSieves.BeforeQuote(c, sentenceStart, open) ?? AttributionSieves.AfterQuote(c, tailFrom, tailEnd, region)
                    : AttributionSieves.AfterQuote(c, tailFrom, tailEnd, region) ?? AttributionSieves.BeforeQuote(c, sentenceStart, open);
                q.OpenAtEnd = region.CloseMark < 0;
                // The next paragraph of a quote over several paragraphs, or the next piece of one written on a single line
                // ("… gladly. "A prosecution …": the region before it was left open).
                q.Continues = (previousOpen && r == 0 && paragraph.Start == open) || (r > 0 && regions[r - 1].CloseMark < 0
                    && c.Text[regions[r - 1].ContentEnd - 1] is '.' or '?' or '!' or '\u2026');
                if (q.Attribution is null && r == 0 && headWords == 0 && paragraph.Start == open && !AttributionSieves.HasCueAfter(c, tailFrom, tailEnd)
                    && !NarrativeFollows(c.Text, tailFrom, tailEnd))
                {
                    q.MayCarry = true;
                }

                if (q.Attribution is null && (region.Secondary || paragraph.Kind != ParagraphKind.Body) && !(q.MayCarry && previousHadQuote))
                {
                    continue; // a headline phrase, title or name in the article's secondary marks, not attributed speech
                }

                if (q.Attribution is null && c.Furniture.IsQuotedHeading(p, region))
                {
                    continue; // a sub-heading made of a quoted phrase: 'Hard to be in such close quarters'
                }

                if (q.Attribution is null && !q.MayCarry && r == 0 && regions.Count == 1 && !region.EndsLikeSpeech(c.Text))
                {
                    continue; // a title in quote marks inside narrative: “The Kid Who Would Be King” really is …
                }

                local.Add(q);
                continue;
            }

            // A fragment inside the reporter's sentence.
            int sentenceEnd = SentenceEnd(c, regions, r, paragraph.End);
            int a = c.TokenAt(sentenceStart);
            int b = c.TokenBefore(sentenceEnd);
            ReportedSpeech? reported = a < b ? ReportedSpeechFinder.Find(c, a, b) : null;
            Attribution? tied = AttributionSieves.FragmentCue(c, sentenceStart, region, sentenceEnd);
            if (reported is ReportedSpeech { Loose: not 0 } && tied is not null)
            {
                reported = null; // a loose reading never overrides a fragment the strict rules attribute
            }

            if (reported is ReportedSpeech rs && rs.ContentStart <= region.ContentStart && rs.ContentEnd >= region.ContentStart)
            {
                int end = Math.Max(rs.ContentEnd, region.ContentEnd);
                var q = new QuoteCandidate(rs.ContentStart, end, QuoteKind.Partial, p)
                {
                    Loose = rs.Loose, CueStart = c.Tokens[rs.CueFirst].Start, CueEnd = c.Tokens[rs.CueEnd - 1].End,
                };
                if (rs.Phrase is SpeakerPhrase phrase)
                {
                    q.Attribution = new Attribution(c.Tokens[rs.CueFirst].Start, c.Tokens[rs.CueEnd - 1].End, phrase);
                }

                local.Add(q);
                consumedUntil = end;
                continue;
            }

            if (tied is null && AttributionSieves.CueRightBefore(c, open) is (int cueStart, int cueEnd))
            {
                // "… finally said “no mas.”": speech by its verb, even when no speaker can be named.
                local.Add(new QuoteCandidate(region.ContentStart, region.ContentEnd, QuoteKind.Partial, p) { CueStart = cueStart, CueEnd = cueEnd });
                continue;
            }

            if (tied is not null)
            {
                var q = new QuoteCandidate(region.ContentStart, region.ContentEnd, QuoteKind.Partial, p);
                q.Attribution = tied;
                local.Add(q);
            }
        }

        // Quotes of one paragraph without their own cue share the nearest attributed one ("“A.” “B,” she said."): the
        // next attributed Direct quote of each position is found in one backward pass, the previous attributed quote on
        // the way forward, so a paragraph of many quotes stays linear.
        var nextDirect = new QuoteCandidate?[local.Count];
        QuoteCandidate? following = null;
        for (int j = local.Count - 1; j >= 0; j--)
        {
            nextDirect[j] = following;
            if (local[j].Attribution is not null && local[j].Kind == QuoteKind.Direct)
            {
                following = local[j];
            }
        }

        QuoteCandidate? prev = null;
        for (int i = 0; i < local.Count; i++)
        {
            if (local[i].Attribution is not null)
            {
                prev = local[i];
                continue;
            }

            if (local[i].Kind != QuoteKind.Direct)
            {
                continue;
            }

            QuoteCandidate? next = nextDirect[i];
            local[i].SharesWith = local[i].MayCarry ? next : prev ?? next;
            if (local[i].SharesWith is null && i > 0 && local[i].Continues)
            {
                local[i].MayCarry = true; // a later piece of a quote whose first piece carried its speaker: the same speaker
            }
        }

        candidates.AddRange(local);
    }

    private static void AddReportedSpeech(QuoteContext c, int p, Paragraph paragraph, IReadOnlyList<QuoteRegion> regions, List<QuoteCandidate> candidates)
    {
        QuoteLayers d = c.Document;
        int firstRegion = 0;
        for (int si = SortedSearch.SentenceEndingAfter(d.Sentences, paragraph.Start); si < d.Sentences.Length && d.Sentences[si].Start < paragraph.End; si++)
        {
            SentenceInfo sentence = d.Sentences[si];
            while (firstRegion < regions.Count && Math.Max(regions[firstRegion].CloseMark, regions[firstRegion].ContentEnd) < sentence.Start)
            {
                firstRegion++;
            }

            bool overlaps = false;
            for (int ri = firstRegion; ri < regions.Count && regions[ri].OpenMark < sentence.End; ri++)
            {
                QuoteRegion region = regions[ri];
                int openAt = region.OpenMark;
                int closeAt = region.CloseMark >= 0 ? region.CloseMark : region.ContentEnd;
                if (openAt < sentence.End && closeAt >= sentence.Start)
                {
                    overlaps = true;
                    break;
                }
            }

            if ((overlaps && !c.LooseCandidates) || sentence.TokenCount < 5)
            {
                continue;
            }

            ReportedSpeech? found = ReportedSpeechFinder.Find(c, sentence.FirstToken, sentence.FirstToken + sentence.TokenCount);
            if (overlaps && found is ReportedSpeech marked)
            {
                // A sentence with quote marks: its reported speech is a loose candidate when it lies outside every
                // marked quote of the paragraph ("… called it “false” and said he never issued directions") and its
                // cue is not a marked quote's own ("When asked …, she said, “…”").
                found = OverlapsCandidate(candidates, p, marked.ContentStart, marked.ContentEnd)
                    || CueOfCandidate(candidates, p, c.Tokens[marked.CueFirst].Start)
                    ? null
                    : marked with { Loose = marked.Loose | LooseReason.MarkedSentence };
            }

            if (found is ReportedSpeech rs && rs.ContentEnd > rs.ContentStart)
            {
                // "The suit says A and alleges that B", "…, he said, adding that B": one statement per verb.
                int splitAt = -1;
                int secondCue = -1;
                int secondLength = 0;
                int secondLoose = rs.Loose;
                SpeakerPhrase? secondPhrase = rs.Phrase;
                for (int t = c.TokenAt(rs.ContentStart); t + 1 < c.Tokens.Length && c.Tokens[t + 1].End <= rs.ContentEnd; t++)
                {
                    // For the detector also: ", noting …" without "that" (a loose participle), and ", she believed …" /
                    // ": she notes …" (a new reporting clause with a pronoun subject) end the first statement.
                    bool participle = c.IsPunct(t, ',') && c.Span(t + 1).EndsWith("ing", StringComparison.Ordinal);
                    bool pronounClause = c.LooseCandidates && (c.IsPunct(t, ',') || c.IsPunct(t, ':')) && t + 2 < c.Tokens.Length
                        && c.IsLower(t + 1) && c.In(t + 1, WordClasses.Pronouns) && c.Tokens[t + 2].End <= rs.ContentEnd;
                    if (!(c.Is(t, "and") || participle || pronounClause))
                    {
                        continue;
                    }

                    int verb = pronounClause ? t + 2 : t + 1;
                    int n = c.Cues.Match(c.Text, c.Tokens, verb, c.Tokens.Length, out CueVerb? cue);
                    if (n == 0 || !c.IsLower(verb) || c.Span(verb).Equals(cue!.Lemma, StringComparison.OrdinalIgnoreCase) || verb + n >= c.Tokens.Length)
                    {
                        continue;
                    }

                    bool that = c.Is(verb + n, "that");
                    if (that || (c.LooseCandidates && (participle || pronounClause) && !cue.NeedsThat))
                    {
                        splitAt = t;
                        secondCue = verb;
                        secondLength = n;
                        if (pronounClause)
                        {
                            secondPhrase = new SpeakerPhrase(t + 1, t + 1, t + 1, SpeakerPhraseKind.Pronoun);
                        }
                        else if (!that)
                        {
                            secondLoose |= LooseReason.Participle;
                        }

                        break;
                    }
                }

                int firstEnd = splitAt > 0 ? c.Tokens[splitAt - 1].End : rs.ContentEnd;
                // Without a speaker phrase (a loose "city staff confirmed …") the cue is still the candidate's, for the detector's cue features.
                int cueStart = c.Tokens[rs.CueFirst].Start;
                int cueEnd = c.Tokens[rs.CueEnd - 1].End;
                var q = new QuoteCandidate(rs.ContentStart, firstEnd, QuoteKind.Indirect, p) { Loose = rs.Loose, CueStart = cueStart, CueEnd = cueEnd };
                if (rs.Phrase is SpeakerPhrase phrase)
                {
                    q.Attribution = new Attribution(c.Tokens[rs.CueFirst].Start, c.Tokens[rs.CueEnd - 1].End, phrase);
                }
                else if (overlaps && (rs.Loose & LooseReason.Participle) != 0)
                {
                    // "“…,” says the owner, noting that …": the participle's subject is the speaker of the marked quote
                    // before it in the sentence, so the candidate may carry that quote's speaker.
                    for (int i = candidates.Count - 1; i >= 0 && candidates[i].Paragraph == p; i--)
                    {
                        if (candidates[i].Kind != QuoteKind.Indirect && candidates[i].End >= sentence.Start && candidates[i].End <= c.Tokens[rs.CueFirst].Start)
                        {
                            q.MayCarry = true;
                            break;
                        }
                    }
                }

                candidates.Add(q);

                // "A, he says, B": the statement continues after a parenthetical cue.
                if (rs.ContentEnd <= c.Tokens[rs.CueFirst].Start)
                {
                    int sentenceEnd = sentence.FirstToken + sentence.TokenCount;
                    int comma = rs.CueEnd;
                    while (comma < sentenceEnd && comma < rs.CueEnd + 6 && !c.IsPunct(comma, ',') && !c.EndsSentence(comma))
                    {
                        comma++;
                    }

                    int last = sentenceEnd - 1;
                    while (last > comma && (c.EndsSentence(last) || c.IsQuoteMark(last) || c.Tokens[last].Kind == Text.Tokenization.TokenKind.Punctuation))
                    {
                        last--;
                    }

                    // Not a continuation: a capitalized start (the rest of a name list: "according to the Meteorology,
                    // Climatology and …") or, after "said X,", an appositive describing X ("…, a spokesman for …").
                    bool cueThenPhrase = rs.Phrase is SpeakerPhrase sp && sp.First >= rs.CueEnd;
                    if (comma < sentenceEnd && c.IsPunct(comma, ',') && last - comma >= 3 && c.IsLower(comma + 1)
                        && !(cueThenPhrase && RoleLike(c, comma + 1, last))
                        && !(overlaps && OverlapsCandidate(candidates, p, c.Tokens[comma + 1].Start, c.Tokens[last].End)))
                    {
                        var rest = new QuoteCandidate(c.Tokens[comma + 1].Start, c.Tokens[last].End, QuoteKind.Indirect, p)
                        {
                            Loose = rs.Loose & ~LooseReason.ShortContent, CueStart = cueStart, CueEnd = cueEnd,
                        };
                        rest.Attribution = q.Attribution;
                        candidates.Add(rest);
                    }
                }

                if (splitAt > 0)
                {
                    int afterCue = secondCue + secondLength;
                    int contentStart = c.Tokens[c.Is(afterCue, "that") ? afterCue + 1 : afterCue].Start;
                    if (contentStart < rs.ContentEnd)
                    {
                        var second = new QuoteCandidate(contentStart, rs.ContentEnd, QuoteKind.Indirect, p)
                        {
                            Loose = secondLoose, CueStart = c.Tokens[secondCue].Start, CueEnd = c.Tokens[secondCue + secondLength - 1].End,
                        };
                        if (secondPhrase is SpeakerPhrase same)
                        {
                            second.Attribution = new Attribution(c.Tokens[secondCue].Start, c.Tokens[secondCue + secondLength - 1].End, same);
                        }

                        candidates.Add(second);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A loose candidate (<see cref="LooseReason.NameLine"/>) for a paragraph without quote marks that ends in a line
    /// that is only a person's name, after a full stop, optionally followed by a short affiliation ("… an emergency.
    /// Jane Doe", "… their doors. Jane Doe, Example.ca"): the layout of a pull quote whose marks the page text lost.
    /// The statement is the paragraph before the name; the name is its speaker phrase, with no cue.
    /// </summary>
    private static void AddNameLine(QuoteContext c, int p, Paragraph paragraph, List<QuoteCandidate> candidates)
    {
        int first = c.TokenAt(paragraph.Start);
        int last = c.TokenBefore(paragraph.End) - 1;
        if (first >= c.Tokens.Length || last <= first)
        {
            return;
        }

        // The name: a person mention after sentence-final punctuation, with at most ", <a few tokens>" after it.
        int nameStart = -1;
        int nameEnd = -1;
        for (int t = last; t > first && t > last - 8; t--)
        {
            int m = c.MentionAt(t);
            if (m < 0 || c.MentionAt(t - 1) == m)
            {
                continue;
            }

            int entity = c.Index.EntityOfMention(m);
            MentionInfo mention = c.Document.Mentions[m];
            int end = mention.FirstToken + mention.TokenCount;
            if (entity >= 0 && c.Index.IsPerson(entity) && mention.TokenCount >= 2 && c.EndsSentence(t - 1)
                && (end > last || (c.IsPunct(end, ',') && last - end <= 4)))
            {
                nameStart = t;
                nameEnd = end;
            }

            break;
        }

        int contentLast = nameStart - 2;
        if (nameStart < 0 || contentLast - first < 4 || OverlapsCandidate(candidates, p, c.Tokens[first].Start, c.Tokens[contentLast].End))
        {
            return;
        }

        var phrase = new SpeakerPhrase(nameStart, nameEnd - 1, nameEnd - 1, SpeakerPhraseKind.Name);
        candidates.Add(new QuoteCandidate(c.Tokens[first].Start, c.Tokens[contentLast].End, QuoteKind.Indirect, p)
        {
            Loose = LooseReason.NameLine,
            Attribution = new Attribution(0, 0, phrase),
        });
    }

    /// <summary>Whether a cue (its start offset) is the attribution cue of a candidate of paragraph <paramref name="p"/>.</summary>
    private static bool CueOfCandidate(List<QuoteCandidate> candidates, int p, int cueStart)
    {
        for (int i = candidates.Count - 1; i >= 0 && candidates[i].Paragraph == p; i--)
        {
            if ((candidates[i].Attribution is Attribution a && a.CueEnd > a.CueStart && a.CueStart == cueStart)
                || (candidates[i].CueEnd > candidates[i].CueStart && candidates[i].CueStart == cueStart))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one of the first three tokens of <c>a..last</c> is a speaker noun or title (an appositive role: "a spokesman for …").</summary>
    private static bool RoleLike(QuoteContext c, int a, int last)
    {
        for (int t = a; t <= last && t < a + 3; t++)
        {
            if (c.IsWord(t) && (c.In(t, WordClasses.SpeakerNouns) || c.IsTitle(t)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a span overlaps a candidate of paragraph <paramref name="p"/> found so far.</summary>
    private static bool OverlapsCandidate(List<QuoteCandidate> candidates, int p, int start, int end)
    {
        for (int i = candidates.Count - 1; i >= 0 && candidates[i].Paragraph == p; i--)
        {
            if (candidates[i].Start < end && start < candidates[i].End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Names the speakers in text order and emits the quotes the detector keeps (all, without a detector). A
    /// dropped candidate is still resolved, so the speakers of the others do not depend on the detector.
    /// </summary>
    private static Quote[] Resolve(QuoteContext c, SpeakerResolver resolver, List<QuoteCandidate> candidates, SpeakerRanker ranker,
        List<RankedQuote>? trace, double minConfidence, SpeakerRankingModel? detector)
    {
        var quotes = new List<Quote>(candidates.Count);
        Dictionary<int, HashSet<int>> namedInContent = NamedInContent(c, candidates);
        QuoteCandidate? previous = null;
        foreach (QuoteCandidate q in candidates)
        {
            QuoteCue? cue = null;
            SpeakerRoute route = SpeakerRoute.None;
            SpeakerPhrase? phrase = null;
            if (q.Attribution is Attribution a)
            {
                route = SpeakerRoute.Cue;
                phrase = a.Phrase;
                q.Speaker = resolver.Resolve(a.Phrase, namedInContent.GetValueOrDefault(a.Phrase.Head));
                q.SpeakerEvent = q.Speaker is null ? null : resolver.LastSpeaker;
                cue = a.CueEnd > a.CueStart ? new QuoteCue(a.CueStart, a.CueEnd, c.Text[a.CueStart..a.CueEnd]) : null;
            }
            else if (q.SharesWith is QuoteCandidate other && other.Attribution is Attribution shared)
            {
                route = SpeakerRoute.Shared;
                phrase = shared.Phrase;
                if (other.Speaker is null && other.Start > q.Start)
                {
                    other.Speaker = resolver.Resolve(shared.Phrase, namedInContent.GetValueOrDefault(shared.Phrase.Head));
                    other.SpeakerEvent = other.Speaker is null ? null : resolver.LastSpeaker;
                }

                q.Speaker = other.Speaker;
                q.SpeakerEvent = other.SpeakerEvent;
                cue = shared.CueEnd > shared.CueStart ? new QuoteCue(shared.CueStart, shared.CueEnd, c.Text[shared.CueStart..shared.CueEnd]) : null;
            }
            else if (q.MayCarry && previous is not null && previous.Speaker is Speaker carried
                && (q.Paragraph - previous.Paragraph <= 1 || q.Continues || StillAbout(c, q.Paragraph - 1, previous.Paragraph, carried)))
            {
                route = SpeakerRoute.Carried;
                q.Speaker = new Speaker(carried.EntityId, carried.Name, mention: null);
                q.SpeakerEvent = previous.SpeakerEvent;
                if (previous.SpeakerEvent is PersonEvent e)
                {
                    resolver.Carry(e);
                }
            }

            else if (q.Kind == QuoteKind.Direct && q.Attribution is null && q.SharesWith is null)
            {
                q.Speaker = NarrativeSubject(c, resolver, q.Start);
                q.SpeakerEvent = q.Speaker is null ? null : resolver.LastSpeaker;
                route = q.Speaker is null ? SpeakerRoute.None : SpeakerRoute.Narrative;
            }

            if (cue is null && q.CueEnd > q.CueStart)
            {
                cue = new QuoteCue(q.CueStart, q.CueEnd, c.Text[q.CueStart..q.CueEnd]);
            }

            // Spans exclude the quote marks themselves (CONTRACT.md), also when reported content starts or ends at one.
            int start = q.Start;
            int end = q.End;
            while (start < end && (IsQuoteChar(c.Text[start]) || char.IsWhiteSpace(c.Text[start])))
            {
                start++;
            }

            while (end > start && (IsQuoteChar(c.Text[end - 1]) || char.IsWhiteSpace(c.Text[end - 1])))
            {
                end--;
            }

            if (end <= start)
            {
                continue;
            }

            // The rule pass's speaker is one candidate; the ranker scores it against the window's entities and "no speaker".
            var rule = new RuleChoice(q.Speaker, q.Speaker is not null && q.SpeakerEvent is PersonEvent ev ? ev.Entity : -1,
                q.Speaker is null ? SpeakerRoute.None : route, phrase, cue is not null);
            int previousEntity = previous?.Speaker is not null && previous.SpeakerEvent is PersonEvent pe ? pe.Entity : -1;
            (Speaker? speaker, SpeakerCandidate[] ranked) = ranker.Choose(start, end, q.Kind, q.Paragraph, rule, previousEntity);
            uint[]? detection = trace is not null || detector is { HasDetection: true } ? QuoteDetection.Features(c, q, rule, cue, start, end) : null;
            trace?.Add(new RankedQuote(start, end, q.Kind, ranked, rule.Speaker is null, detection!));
            if (speaker is { Confidence: double confidence } && confidence < minConfidence)
            {
                speaker = null;
            }

            if (detector is not { HasDetection: true } || detector.Detect(detection!) >= 0f)
            {
                quotes.Add(new Quote(start, end, c.Text[start..end], q.Kind, speaker, cue));
            }
            if (q.Kind != QuoteKind.Indirect || q.Speaker is not null)
            {
                previous = q;
            }
        }

        return quotes.ToArray();
    }

    /// <summary>
    /// For each pronoun speaker phrase (by its head token), the person entities named inside the content of the quotes it
    /// attributes, within the pronoun's sentence: "Macharia and some colleagues hid under desks, he said, but one person
    /// ran …" names Macharia in the content "he" governs, so "he" is someone else (<see cref="SpeakerResolver.Resolve(SpeakerPhrase, IReadOnlySet{int})"/>).
    /// </summary>
    private static Dictionary<int, HashSet<int>> NamedInContent(QuoteContext c, List<QuoteCandidate> candidates)
    {
        var result = new Dictionary<int, HashSet<int>>();
        MentionInfo[] mentions = c.Document.Mentions;
        foreach (QuoteCandidate q in candidates)
        {
            if (q.Attribution is not Attribution a || a.Phrase.Kind != SpeakerPhraseKind.Pronoun)
            {
                continue;
            }

            int sentence = SortedSearch.SentenceEndingAfter(c.Document.Sentences, c.Tokens[a.Phrase.Head].Start);
            int firstMark = FirstQuoteMark(c.Text, q.Start, q.End); // one scan per quote, so a long quote stays linear
            for (int m = SortedSearch.MentionAtOrAfter(mentions, q.Start); m < mentions.Length && mentions[m].Start < q.End; m++)
            {
                int e = c.Index.EntityOfMention(m);
                if (mentions[m].End <= q.End && c.Index.Entity(e).Type == EntityType.Person
                    && SortedSearch.SentenceEndingAfter(c.Document.Sentences, mentions[m].Start) == sentence
                    && !IsPossessive(c.Text, mentions[m].End) && !(firstMark >= 0 && firstMark < mentions[m].Start))
                {
                    if (!result.TryGetValue(a.Phrase.Head, out HashSet<int>? set))
                    {
                        set = [];
                        result[a.Phrase.Head] = set;
                    }

                    set.Add(e);
                }
            }
        }

        return result;
    }

    /// <summary>A possessive ’s or 's right after <paramref name="end"/> ("Mr. Trump's favorite", "Murray's home state"): a possessor in the content may be the speaker, paraphrased.</summary>
    private static bool IsPossessive(string text, int end)
        => end + 1 < text.Length && text[end] is '\u2019' or '\'' && text[end + 1] == 's' && (end + 2 == text.Length || !char.IsLetter(text[end + 2]));

    /// <summary>
    /// The first quote mark (not an apostrophe between letters) in <c>[from, to)</c>, or -1: a name after it is in a
    /// nested quotation ("He whispered, ‘Billie Jean King, you are the Queen’"), someone else's words.
    /// </summary>
    private static int FirstQuoteMark(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            char ch = text[i];
            if (IsQuoteChar(ch) || (IsSingleMark(ch) && !(i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]))))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsQuoteChar(char ch) => ch is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB';

    /// <summary>
    /// Whether the reporter's sentence goes on right after a quote's closing mark with a lowercase word: the quote is
    /// a phrase of that sentence ("'Community of acquaintances' exists in program"), not speech standing alone.
    /// </summary>
    private static bool NarrativeFollows(string text, int from, int to)
    {
        int i = from;
        while (i < to && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < to && i > from && char.IsLower(text[i]);
    }

    private static bool IsSingleMark(char ch) => ch is '\u2018' or '\u2019' or '\'';

    /// <summary>
    /// Whether a quote in single marks, the article's primary style (British convention), opens or closes in the
    /// sentence: the single-mark counterpart of a double mark in it (a single mark alone may be an apostrophe).
    /// </summary>
    private static bool HasPrimarySingleQuote(QuoteContext c, SentenceInfo sentence)
    {
        foreach (QuoteRegion region in c.Furniture.QuoteRegions(sentence.Paragraph))
        {
            bool inside = (region.OpenMark >= sentence.Start && region.OpenMark < sentence.End)
                || (region.CloseMark >= sentence.Start && region.CloseMark < sentence.End);
            if (region.Single && !region.Secondary && inside)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A cue-less direct quote that opens a sentence takes the person the sentence before it is about,
    /// when that sentence is in the same or the previous paragraph.
    /// </summary>
    private static Speaker? NarrativeSubject(QuoteContext c, SpeakerResolver resolver, int contentStart)
    {
        SentenceInfo[] sentences = c.Document.Sentences;
        int s = SortedSearch.SentenceEndingAfter(sentences, contentStart);
        if (s <= 0 || s >= sentences.Length || sentences[s].Start > contentStart)
        {
            return null;
        }

        for (int i = sentences[s].Start; i < contentStart; i++)
        {
            if (!IsQuoteChar(c.Text[i]) && !IsSingleMark(c.Text[i]) && !char.IsWhiteSpace(c.Text[i]))
            {
                return null;
            }
        }

        SentenceInfo previous = sentences[s - 1];
        if (sentences[s].Paragraph - previous.Paragraph > 1 || c.Text.AsSpan(previous.Start, previous.End - previous.Start).ContainsAny('\u201C', '"')
            || HasPrimarySingleQuote(c, previous))
        {
            return null;
        }

        return resolver.NarrativeSubject(previous.FirstToken, previous.FirstToken + previous.TokenCount);
    }

    /// <summary>
    /// Whether the narrative between a speaker's last quote and a cue-less quote paragraph stays with that
    /// speaker: the paragraph right before names them (by surname) or opens with a personal pronoun, and no
    /// more than two paragraphs intervene.
    /// </summary>
    private static bool StillAbout(QuoteContext c, int paragraph, int speakerParagraph, Speaker speaker)
    {
        if (paragraph - speakerParagraph > 3 || paragraph < 0)
        {
            return false;
        }

        Paragraph p = c.Document.Layout.Paragraphs[paragraph];
        if (p.Kind != ParagraphKind.Body)
        {
            return false;
        }

        ReadOnlySpan<char> text = c.Text.AsSpan(p.Start, p.End - p.Start);
        string last = speaker.Name[(speaker.Name.LastIndexOf(' ') + 1)..];
        if ((last.Length > 1 && text.Contains(last, StringComparison.Ordinal))
            || text.StartsWith("He ", StringComparison.Ordinal) || text.StartsWith("She ", StringComparison.Ordinal))
        {
            return true;
        }

        // Narrative that names no other person does not change the speaker in focus.
        MentionInfo[] mentions = c.Document.Mentions;
        for (int m = SortedSearch.MentionAtOrAfter(mentions, p.Start); m < mentions.Length && mentions[m].Start < p.End; m++)
        {
            MentionInfo mention = mentions[m];
            if (mention.End <= p.End && mention.Type == EntityType.Person
                && !c.Text.AsSpan(mention.Start, mention.End - mention.Start).EndsWith(last, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return paragraph - speakerParagraph <= 2;
    }

    /// <summary>
    /// The sentence start before a quote mark (after the last sentence end outside quotes), the number of
    /// words between it and the mark, and whether those words end in a colon or a speech verb ("He said, “").
    /// </summary>
    private static (int SentenceStart, int Words, bool IntroducesQuote) Head(QuoteContext c, int from, int open)
    {
        int a = c.TokenAt(from);
        int b = c.TokenBefore(open);
        int start = a;
        for (int i = b - 1; i >= a; i--)
        {
            if (c.EndsSentence(i) && !IsAbbreviationPeriod(c, i))
            {
                start = i + 1;
                break;
            }
        }

        int words = 0;
        for (int i = start; i < b; i++)
        {
            if (c.IsWord(i) || c.Tokens[i].Kind == Text.Tokenization.TokenKind.Number)
            {
                words++;
            }
        }

        bool introduces = false;
        int last = b - 1;
        if (last >= start && (c.IsPunct(last, ':') || c.IsPunct(last, ',')))
        {
            introduces = c.IsPunct(last, ':') || HasCue(c, start, last);
        }
        else if (last >= start && c.IsWord(last) && c.Cues.Match(c.Text, c.Tokens, last, last + 1, out _) > 0 && open + 1 < c.Text.Length && char.IsUpper(c.Text[open + 1]))
        {
            introduces = true;
        }

        int sentenceStart = start < c.Tokens.Length ? Math.Max(from, Math.Min(open, c.Tokens[start].Start)) : from;
        return (sentenceStart, words, introduces);
    }

    private static bool HasCue(QuoteContext c, int a, int b)
    {
        for (int i = a; i < b; i++)
        {
            if (c.Cues.Match(c.Text, c.Tokens, i, b, out _) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A period after a title ("Dr.", "Lt.") or before a lower-case word ("U.S. officials"); an acronym ending a sentence is not one.</summary>
    private static bool IsAbbreviationPeriod(QuoteContext c, int i)
    {
        if (!c.IsPunct(i, '.') || i == 0 || c.Tokens[i - 1].End != c.Tokens[i].Start)
        {
            return false;
        }

        if (c.IsHonorific(i - 1) || (c.Tokens[i - 1].Length <= 2 && c.IsCapitalized(i - 1)))
        {
            return true;
        }

        return c.Tokens[i - 1].Length <= 3 && c.IsCapitalized(i - 1) && i + 1 < c.Tokens.Length && c.IsLower(i + 1);
    }

    /// <summary>The end of the sentence holding region <paramref name="r"/>: the first sentence end outside quotes after it.</summary>
    private static int SentenceEnd(QuoteContext c, IReadOnlyList<QuoteRegion> regions, int r, int paragraphEnd)
    {
        int from = regions[r].CloseMark >= 0 ? regions[r].CloseMark + 1 : regions[r].ContentEnd;
        int next = r + 1;
        int startToken = c.TokenAt(from);
        for (int i = startToken; i < c.Tokens.Length && c.Tokens[i].Start < paragraphEnd && i < startToken + 400; i++)
        {
            while (next < regions.Count && regions[next].CloseMark >= 0 && regions[next].CloseMark < c.Tokens[i].Start)
            {
                next++;
            }

            bool inside = next < regions.Count && regions[next].OpenMark <= c.Tokens[i].Start
                && (regions[next].CloseMark < 0 || c.Tokens[i].Start < regions[next].CloseMark);
            if (!inside && c.EndsSentence(i) && !IsAbbreviationPeriod(c, i))
            {
                return c.Tokens[i].End;
            }
        }

        return paragraphEnd;
    }
}
