using NewsExtract.Internal;

namespace NewsExtract.Quotes;

/// <summary>How the rule pass found a quote's speaker (a feature of the ranker).</summary>
internal enum SpeakerRoute
{
    /// <summary>No rule named a speaker.</summary>
    None = 0,

    /// <summary>The quote's own cue and speaker phrase ("X said", "said X", "according to X", "X: “…”").</summary>
    Cue = 1,

    /// <summary>The cue of another quote of the paragraph ("“A.” “B,” she said.").</summary>
    Shared = 2,

    /// <summary>Carried from the previous quote (a quote paragraph with no cue of its own).</summary>
    Carried = 3,

    /// <summary>The subject of the narrative sentence before a cue-less quote.</summary>
    Narrative = 4,
}

/// <summary>What the rule pass chose for a quote: the speaker, its entity (-1: none), the route and the phrase.</summary>
internal readonly record struct RuleChoice(Speaker? Speaker, int Entity, SpeakerRoute Route, SpeakerPhrase? Phrase, bool HasCue);

/// <summary>One candidate speaker of a quote: the speaker it would give (null: "no speaker"), its entity and its features.</summary>
internal sealed record SpeakerCandidate(Speaker? Speaker, int Entity, bool IsRuleChoice, uint[] Features);

/// <summary>
/// A quote with its speaker candidates, as scored (the training trace of <c>train quotes</c>); <c>RuleFoundNone</c>
/// when the rule pass named no speaker; <c>Detection</c>, the candidate's features for the quote detector.
/// </summary>
internal sealed record RankedQuote(int Start, int End, QuoteKind Kind, SpeakerCandidate[] Candidates, bool RuleFoundNone, uint[] Detection);

/// <summary>
/// Attribution as candidate ranking. For each quote the candidates are the rule pass's choice, every entity
/// mentioned in a window (the quote's paragraph and the two before it, quote content excluded) and an
/// explicit "no speaker"; <see cref="SpeakerRankingModel"/> scores them and the best one speaks. The rules
/// (<see cref="AttributionSieves"/>, <see cref="SpeakerResolver"/>) are candidate generation and features.
/// Candidates depend only on the rule pass, never on earlier model decisions, so training on the trace of a
/// rule-only run and scoring at run time see the same candidates.
/// </summary>
/// <remarks>
/// Feature families (each a name below, conjoined with the quote kind or the rule route where it helps):
/// rule choice by route and phrase kind; no-speaker by route; entity type and person evidence; salience;
/// side of the quote, paragraph, sentence and token distance of the nearest mention; subject position;
/// cue adjacency ("X said", "said X", "X: “…”"); recency rank; previous quote's speaker; pronoun agreement
/// (the rule's he/she/they/it against the entity's gender and type from the entity index); role-noun match.
/// </remarks>
internal sealed class SpeakerRanker
{
    private const int ParagraphWindow = 2;

    /// <summary>How far (in characters) before and after the quote the window reaches at most.</summary>
    private const int MaxWindowChars = 4000;
    private const int MaxEntityCandidates = 12;

    private readonly QuoteContext _c;
    private readonly SpeakerResolver _resolver;
    private readonly SpeakerRankingModel? _model;

    public SpeakerRanker(QuoteContext context, SpeakerResolver resolver, SpeakerRankingModel? model)
    {
        _c = context;
        _resolver = resolver;
        _model = model;
    }

    /// <summary>Builds the candidates of a quote (content span <c>[start, end)</c>) and picks its speaker.</summary>
    public (Speaker? Speaker, SpeakerCandidate[] Candidates) Choose(int start, int end, QuoteKind kind, int paragraph, RuleChoice rule, int previousEntity)
    {
        SpeakerCandidate[] candidates = Candidates(start, end, kind, paragraph, rule, previousEntity);

        if (_model is null)
        {
            foreach (SpeakerCandidate candidate in candidates)
            {
                if (candidate.IsRuleChoice)
                {
                    return (candidate.Speaker, candidates);
                }
            }

            return (null, candidates);
        }

        Span<float> scores = candidates.Length <= 64 ? stackalloc float[candidates.Length] : new float[candidates.Length];
        int best = 0;
        for (int i = 0; i < candidates.Length; i++)
        {
            scores[i] = _model.Score(candidates[i].Features);
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        double sum = 0;
        for (int i = 0; i < candidates.Length; i++)
        {
            sum += Math.Exp(scores[i] - scores[best]);
        }

        double confidence = Math.Round(_model.Calibrate(1.0 / sum), 4);
        Speaker? speaker = candidates[best].Speaker;
        return (speaker is null ? null : speaker with { Confidence = confidence }, candidates);
    }

    private SpeakerCandidate[] Candidates(int start, int end, QuoteKind kind, int paragraph, RuleChoice rule, int previousEntity)
    {
        var result = new List<SpeakerCandidate>();
        int k = (int)kind;
        int route = (int)rule.Route;
        int phraseKind = rule.Phrase is SpeakerPhrase p ? (int)p.Kind + 1 : 0;

        // The rule pass's choice, when it names a speaker that is no entity ("the father", "officials").
        if (rule.Speaker is not null && rule.Entity < 0)
        {
            var f = new SpeakerFeatures();
            AddRuleFeatures(f, route, phraseKind, k, hasEntity: false);
            if (rule.Phrase is SpeakerPhrase words)
            {
                // Where the phrase stands, with the same features as an entity's nearest mention.
                f.Add("cand", k);
                f.Add("phrase.kind", phraseKind, k);
                AddPositionFeatures(f, words.First, words.Last + 1, start, end, paragraph, k);
            }

            result.Add(new SpeakerCandidate(rule.Speaker, -1, true, f.ToArray()));
        }

        // "No speaker".
        var none = new SpeakerFeatures();
        none.Add("none", route, phraseKind, k);
        none.Add("none.route", route);
        none.Add("none.cue", rule.HasCue ? 1 : 0, k);
        result.Add(new SpeakerCandidate(null, -1, rule.Speaker is null, none.ToArray()));

        // Entities mentioned in the window, nearest mention first; the rule's entity among them.
        Paragraph[] paragraphs = _c.Document.Layout.Paragraphs;
        // Bounded in characters too, so a text of one huge paragraph costs time in proportion to its length.
        int windowStart = Math.Max(paragraphs[Math.Max(0, paragraph - ParagraphWindow)].Start, start - MaxWindowChars);
        int windowEnd = Math.Min(paragraphs[paragraph].End, end + MaxWindowChars);
        MentionInfo[] mentions = _c.Document.Mentions;
        var nearest = new Dictionary<int, (int Mention, int Distance)>();
        for (int m = SortedSearch.MentionAtOrAfter(mentions, windowStart); m < mentions.Length && mentions[m].Start < windowEnd; m++)
        {
            MentionInfo mention = mentions[m];
            if (mention.End > start && mention.Start < end)
            {
                continue; // inside the quote
            }

            int distance = mention.End <= start ? start - mention.End : mention.Start - end;
            int e = _c.Index.EntityOfMention(m);
            if (!nearest.TryGetValue(e, out (int Mention, int Distance) known) || distance < known.Distance)
            {
                nearest[e] = (m, distance);
            }
        }

        if (rule.Entity >= 0 && !nearest.ContainsKey(rule.Entity))
        {
            nearest[rule.Entity] = (-1, int.MaxValue);
        }

        var order = new List<(int Entity, int Mention, int Distance)>(nearest.Count);
        foreach (KeyValuePair<int, (int Mention, int Distance)> pair in nearest)
        {
            order.Add((pair.Key, pair.Value.Mention, pair.Value.Distance));
        }

        order.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Entity.CompareTo(b.Entity));
        int rank = 0;
        foreach ((int e, int m, int distance) in order)
        {
            bool isRule = e == rule.Entity;
            if (!isRule && rank >= MaxEntityCandidates)
            {
                continue;
            }

            EntityInfo candidate = _c.Index.Entity(e);
            if (!isRule && IsPersonalPronounCue(rule) && candidate.Type != EntityType.Person)
            {
                // Hard constraint, not a feature: "he said" / "she said" never names an organization or a place.
                continue;
            }

            var f = new SpeakerFeatures();
            if (isRule)
            {
                AddRuleFeatures(f, route, phraseKind, k, hasEntity: true);
            }

            f.Add("cand", k);
            EntityInfo entity = _c.Index.Entity(e);
            int type = (int)entity.Type;
            f.Add("ent.type", type, k);
            f.Add("ent.type.route", type, route);
            f.Add("ent.evid", _c.Index.HasPersonEvidence(e) ? 1 : 0);
            f.Add("ent.ment", Bucket(_c.Index.MentionCount(e)));
            f.Add("ent.rank", Math.Min(rank, 6), k);
            f.Add("ent.first", e == 0 ? 1 : 0);
            f.Add("ent.prev", e == previousEntity ? 1 : 0, k);
            f.Add("ent.prev.route", e == previousEntity ? 1 : 0, route);
            if (m >= 0)
            {
                AddPositionFeatures(f, mentions[m].FirstToken, mentions[m].FirstToken + mentions[m].TokenCount, start, end, paragraph, k);
            }
            else
            {
                f.Add("ent.outside");
            }

            if (rule.Phrase is SpeakerPhrase phrase && phrase.Kind == SpeakerPhraseKind.Pronoun)
            {
                f.Add("ent.pron", Pronoun(phrase.Head), (int)entity.Gender, type);
            }

            if (rule.Phrase is SpeakerPhrase nominal && nominal.Kind == SpeakerPhraseKind.Nominal)
            {
                string head = _c.Lexicons.Singular(_c.Word(nominal.Head).ToLowerInvariant());
                bool holds = false;
                foreach (string roleHead in entity.RoleHeads)
                {
                    holds |= string.Equals(roleHead, head, StringComparison.OrdinalIgnoreCase);
                }

                f.Add("ent.role", holds ? 1 : 0, type);
            }

            Speaker? speaker = isRule ? rule.Speaker : m >= 0 ? _resolver.SpeakerOf(e, m) : null;
            if (speaker is not null)
            {
                result.Add(new SpeakerCandidate(speaker, e, isRule, f.ToArray()));
            }

            if (m >= 0)
            {
                rank++;
            }
        }

        return [.. result];
    }

    /// <summary>
    /// Where a name (tokens <c>[first, end)</c>) stands relative to the quote: side, paragraph, sentence and
    /// token distance, subject position, cue adjacency ("X said", "said X") and a colon before the quote.
    /// </summary>
    private void AddPositionFeatures(SpeakerFeatures f, int first, int endToken, int start, int end, int paragraph, int k)
    {
        int quoteToken = _c.TokenAt(start);
        int quoteEndToken = _c.TokenBefore(end);
        int nameStart = _c.Tokens[first].Start;
        int side = _c.Tokens[endToken - 1].End <= start ? 0 : 1;
        int tokenDistance = side == 0 ? quoteToken - endToken : first - quoteEndToken;
        f.Add("ent.side", side, k);
        f.Add("ent.pdist", Math.Min(Math.Max(paragraph - _resolver.ParagraphOf(nameStart), 0), 3), k);
        f.Add("ent.sdist", Math.Min(Math.Abs(SentenceOf(start) - SentenceOf(nameStart)), 3), side);
        f.Add("ent.tdist", Bucket(Math.Max(tokenDistance, 0)), side, k);
        f.Add("ent.subj", _resolver.IsSubject(first) ? 1 : 0, side);
        f.Add("ent.cueAfter", CueAfter(endToken) ? 1 : 0, side, k);
        f.Add("ent.cueBefore", first > 0 && IsCue(first - 1) ? 1 : 0, side, k);
        f.Add("ent.colon", ColonAfter(endToken, quoteToken) ? 1 : 0);
    }

    private static void AddRuleFeatures(SpeakerFeatures f, int route, int phraseKind, int kind, bool hasEntity)
    {
        f.Add("rule", route, phraseKind, kind);
        f.Add("rule.route", route);
        f.Add("rule.entity", hasEntity ? 1 : 0, route, phraseKind);
    }

    /// <summary>he 1, she 2, they 3, it 4, other 0.</summary>
    private bool IsPersonalPronounCue(RuleChoice rule)
        => rule.Phrase is SpeakerPhrase phrase && phrase.Kind == SpeakerPhraseKind.Pronoun && Pronoun(phrase.Head) is 1 or 2;

    private int Pronoun(int token)
        => _c.Is(token, "he") || _c.Is(token, "his") ? 1
            : _c.Is(token, "she") || _c.Is(token, "her") ? 2
            : _c.Is(token, "they") || _c.Is(token, "their") ? 3
            : _c.Is(token, "it") || _c.Is(token, "its") ? 4 : 0;

    /// <summary>A speech verb right after a name, auxiliaries between allowed ("Smith said", "Smith has also said").</summary>
    private bool CueAfter(int token)
    {
        for (int t = token; t < _c.Tokens.Length && t < token + 3; t++)
        {
            if (IsCue(t))
            {
                return true;
            }

            if (!_c.In(t, WordClasses.Auxiliaries))
            {
                return false;
            }
        }

        return false;
    }

    private bool IsCue(int token) => _c.IsWord(token) && _c.Cues.Match(_c.Text, _c.Tokens, token, Math.Min(_c.Tokens.Length, token + 4), out _) > 0;

    /// <summary>A colon between a name and the quote right after it ("Smith: “…”").</summary>
    private bool ColonAfter(int token, int quoteToken)
    {
        for (int t = token; t < quoteToken && t < token + 3; t++)
        {
            if (_c.IsPunct(t, ':'))
            {
                return true;
            }
        }

        return false;
    }

    private int SentenceOf(int offset) => SortedSearch.SentenceEndingAfter(_c.Document.Sentences, offset);

    /// <summary>0, 1, 2, 3-4, 5-8, 9-16, …: a log2 bucket.</summary>
    private static int Bucket(int n)
    {
        int b = 0;
        while (n > 0 && b < 8)
        {
            n >>= 1;
            b++;
        }

        return b;
    }
}
