using NewsExtract.Entities;
using NewsExtract.Internal;

namespace NewsExtract.Quotes;

/// <summary>
/// The features of one quote candidate for the trained detector (<see cref="SpeakerRankingModel.Detect"/>): is this
/// span speech as the annotators mark it? The strict rules' decisions become features (which rule a loose
/// candidate breaks), next to the cue word, the rule pass's speaker and its entity type, the span's length, how
/// it starts and where it stands. Every feature is conjoined with the quote kind.
/// </summary>
internal static class QuoteDetection
{
    private const int MaxCueLength = 24;

    public static uint[] Features(QuoteContext c, QuoteCandidate q, RuleChoice rule, QuoteCue? cue, int start, int end)
    {
        var f = new SpeakerFeatures();
        int k = (int)q.Kind;
        f.Add("d.bias", k);
        if (q.Loose == 0)
        {
            f.Add("d.strict", k);
        }
        else
        {
            for (int bit = 0; bit < LooseReason.Count; bit++)
            {
                if ((q.Loose & (1 << bit)) != 0)
                {
                    f.Add("d.loose", bit, k);
                }
            }
        }

        // The cue word as written ("said", "says", "suggests", "according"): tense and verb are learned, not listed.
        if (cue is QuoteCue qc)
        {
            f.Add("d.cuepos", qc.Start < start ? 1 : 2, k);
            int cueWord = (int)SpeakerFeatures.HashLowercase(c.Text.AsSpan(qc.Start, qc.End - qc.Start), MaxCueLength);
            f.Add("d.cue", cueWord, k);
            f.Add("d.cue.loose", cueWord, q.Loose == 0 ? 0 : 1, k);
            int before = c.TokenAt(qc.Start) - 1;
            f.Add("d.prev", before >= 0 ? WordBefore(c, before) : 0, q.Loose == 0 ? 0 : 1, k);

            // Which rule a loose candidate breaks with this verb ("confirmed" without a subject phrase, "urged" + "to").
            for (int bit = 0; bit < LooseReason.Count; bit++)
            {
                if ((q.Loose & (1 << bit)) != 0)
                {
                    f.Add("d.cue.reason", cueWord, bit, k);
                }
            }

            // A possible subject a few words before the cue, where the strict rule found none ("city staff confirmed",
            // "his supporters argue", "the WHL commissioner said"): the nearest speaker-like word, punctuation stops.
            f.Add("d.subj", before >= 0 ? NearSubject(c, before) : 0, q.Loose == 0 ? 0 : 1, k);
        }
        else
        {
            f.Add("d.cuepos", 0, k);
        }

        int phraseKind = rule.Phrase is SpeakerPhrase p ? (int)p.Kind + 1 : 0;
        f.Add("d.route", (int)rule.Route, phraseKind, k);
        int type = rule.Entity >= 0 ? (int)c.Index.TypeOf(rule.Entity) + 1 : rule.Speaker is not null ? 9 : 0;
        f.Add("d.spk", type, k);
        f.Add("d.spk.loose", type, q.Loose == 0 ? 0 : 1, k);
        f.Add("d.shape", q.MayCarry ? 1 : 0, q.SharesWith is not null ? 1 : 0, k);

        int first = c.TokenAt(start);
        int last = c.TokenBefore(end);
        int tokens = first < c.Tokens.Length && last >= first ? last - first + 1 : 0;
        f.Add("d.len", Log2Bucket(tokens), k);
        f.Add("d.first", first < c.Tokens.Length ? FirstClass(c, first) : 0, k);
        f.Add("d.that", first > 0 && first < c.Tokens.Length && c.Is(first - 1, "that") ? 1 : 0, k);

        bool firstPerson = false;
        for (int t = first; t <= last && t < c.Tokens.Length && !firstPerson; t++)
        {
            firstPerson = c.IsWord(t) && c.In(t, WordClasses.FirstPerson);
        }

        f.Add("d.firstperson", firstPerson ? 1 : 0, k);

        Paragraph paragraph = c.Document.Layout.Paragraphs[q.Paragraph];
        f.Add("d.para", Math.Min(q.Paragraph, 3), k);
        f.Add("d.title", paragraph.Kind == ParagraphKind.Body ? 0 : 1, k);
        f.Add("d.parstart", start - paragraph.Start <= 1 ? 1 : 0, k);
        return f.ToArray();
    }

    /// <summary>
    /// What stands right before the cue (auxiliaries skipped): a person, another entity, a pronoun, a title or role
    /// word, a speaker noun, a name, another common word, punctuation.
    /// </summary>
    private static int WordBefore(QuoteContext c, int t)
    {
        while (t > 0 && c.In(t, WordClasses.Auxiliaries))
        {
            t--;
        }

        if (c.IsWord(t) && c.IsTitle(t))
        {
            return 7;
        }

        if (c.IsWord(t) && c.In(t, WordClasses.SpeakerNouns))
        {
            return 8;
        }

        int mention = c.MentionAt(t);
        if (mention >= 0)
        {
            int entity = c.Index.EntityOfMention(mention);
            return entity >= 0 && c.Index.IsPerson(entity) ? 1 : 2;
        }

        if (!c.IsWord(t))
        {
            return 3;
        }

        if (c.In(t, WordClasses.Pronouns))
        {
            return 4;
        }

        return c.IsCapitalized(t) ? 5 : 6;
    }

    /// <summary>
    /// The nearest of up to four words before a cue (from <paramref name="t"/> backwards, stopping at punctuation) that
    /// could be its subject: 1 a person mention, 2 another entity, 3 a pronoun, 4 a speaker noun or title, 0 none.
    /// </summary>
    private static int NearSubject(QuoteContext c, int t)
    {
        for (int i = t; i >= 0 && i > t - 4; i--)
        {
            if (!c.IsWord(i))
            {
                return 0;
            }

            int mention = c.MentionAt(i);
            if (mention >= 0)
            {
                int entity = c.Index.EntityOfMention(mention);
                return entity >= 0 && c.Index.IsPerson(entity) ? 1 : 2;
            }

            if (c.In(i, WordClasses.Pronouns))
            {
                return 3;
            }

            if (c.In(i, WordClasses.SpeakerNouns) || c.IsTitle(i))
            {
                return 4;
            }
        }

        return 0;
    }

    private static int FirstClass(QuoteContext c, int t)
    {
        if (c.Tokens[t].Kind == Text.Tokenization.TokenKind.Number)
        {
            return 1;
        }

        if (!c.IsWord(t))
        {
            return 2;
        }

        if (c.In(t, WordClasses.Pronouns))
        {
            return 3;
        }

        if (c.In(t, WordClasses.Determiners))
        {
            return 4;
        }

        return c.IsCapitalized(t) ? 5 : 6;
    }

    private static int Log2Bucket(int n)
    {
        int b = 0;
        while (n > 1 && b < 7)
        {
            n >>= 1;
            b++;
        }

        return b;
    }
}
