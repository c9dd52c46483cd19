using NewsExtract.Internal;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Quotes;

/// <summary>
/// First, simple quote finder: pairs opening and closing quote marks inside one paragraph; a speech
/// verb in the same sentence is the cue, and the nearest person mention (or, for a pronoun subject,
/// the most recent person) is the speaker.
/// </summary>
internal sealed class QuoteExtractor
{
    private static readonly HashSet<string> s_cues = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "told", "tells", "added", "adds", "stressed", "assured", "revealed", "noted",
        "warned", "insisted", "argued", "explained", "claimed", "denied", "confirmed", "announced", "asked",
        "called", "wrote", "declared", "replied", "recalled", "admitted", "acknowledged",
    };

    public Quote[] Extract(AnalysisDocument document)
    {
        string text = document.Text;
        Token[] tokens = document.Tokens;
        var quotes = new List<Quote>();
        int[]? previousPerson = null;
        var cues = new List<int>();
        foreach (SentenceInfo sentence in document.Sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
            bool cuesFound = false;
            for (int i = sentence.FirstToken; i < end; i++)
            {
                if (tokens[i].Kind != TokenKind.OpeningQuote)
                {
                    continue;
                }

                int close = i + 1;
                while (close < end && tokens[close].Kind != TokenKind.ClosingQuote)
                {
                    close++;
                }

                if (close >= end)
                {
                    // No closing mark left in the sentence, so no later opening mark pairs either:
                    // stopping here keeps a run of unclosed marks linear.
                    break;
                }

                if (close == i + 1)
                {
                    continue;
                }

                // Stray marks inside the pair ("\u201C\u201CWord\u201D") stay outside the span: a quote
                // never starts or ends with a quote mark.
                int first = i + 1;
                int last = close - 1;
                while (first <= last && IsQuoteMark(text, tokens[first]))
                {
                    first++;
                }

                while (last >= first && IsQuoteMark(text, tokens[last]))
                {
                    last--;
                }

                if (first > last)
                {
                    i = close;
                    continue;
                }

                int qStart = tokens[first].Start;
                int qEnd = tokens[last].End;
                bool direct = i == sentence.FirstToken;
                if (!cuesFound)
                {
                    FindCues(document, sentence, cues);
                    cuesFound = true;
                }

                previousPerson ??= PreviousPerson(document.Mentions);
                (Speaker? speaker, QuoteCue? cue) = Attribute(document, sentence, i, close, cues, previousPerson);
                quotes.Add(new Quote(qStart, qEnd, text.Substring(qStart, qEnd - qStart), direct ? QuoteKind.Direct : QuoteKind.Partial, speaker, cue));
                i = close;
            }
        }

        return quotes.ToArray();
    }

    private static bool IsQuoteMark(string text, Token token)
        => token.Kind is TokenKind.OpeningQuote or TokenKind.ClosingQuote
            || (token.Length == 1 && text[token.Start] is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB');

    /// <summary>Collects the token indices of the speech verbs of a sentence, once per sentence rather than once per quote.</summary>
    private static void FindCues(AnalysisDocument document, SentenceInfo sentence, List<int> cues)
    {
        cues.Clear();
        string text = document.Text;
        Token[] tokens = document.Tokens;
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup = s_cues.GetAlternateLookup<ReadOnlySpan<char>>();
        int end = sentence.FirstToken + sentence.TokenCount;
        for (int k = sentence.FirstToken; k < end; k++)
        {
            if (tokens[k].Kind == TokenKind.Word && lookup.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length)))
            {
                cues.Add(k);
            }
        }
    }

    /// <summary>For each mention index, the index of the last person mention at or before it, or -1.</summary>
    private static int[] PreviousPerson(MentionInfo[] mentions)
    {
        var previous = new int[mentions.Length];
        int last = -1;
        for (int m = 0; m < mentions.Length; m++)
        {
            if (mentions[m].Type == EntityType.Person)
            {
                last = m;
            }

            previous[m] = last;
        }

        return previous;
    }

    /// <summary>The index of the first mention whose first token is at or after <paramref name="token"/>.</summary>
    private static int FirstMentionAtOrAfterToken(MentionInfo[] mentions, int token)
    {
        int lo = 0;
        int hi = mentions.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].FirstToken < token)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The number of mentions that end at or before <paramref name="offset"/>.</summary>
    private static int MentionsEndingBy(MentionInfo[] mentions, int offset)
    {
        int lo = 0;
        int hi = mentions.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static (Speaker?, QuoteCue?) Attribute(AnalysisDocument document, SentenceInfo sentence, int open, int close, List<int> cues, int[] previousPerson)
    {
        string text = document.Text;
        Token[] tokens = document.Tokens;
        MentionInfo[] mentions = document.Mentions;

        // The first speech verb of the sentence outside the quote.
        int cueIndex = -1;
        if (cues.Count > 0)
        {
            if (cues[0] < open || cues[0] > close)
            {
                cueIndex = cues[0];
            }
            else
            {
                int after = cues.BinarySearch(close + 1);
                after = after >= 0 ? after : ~after;
                cueIndex = after < cues.Count ? cues[after] : -1;
            }
        }

        if (cueIndex < 0)
        {
            return (null, null);
        }

        var cue = new QuoteCue(tokens[cueIndex].Start, tokens[cueIndex].End, text.Substring(tokens[cueIndex].Start, tokens[cueIndex].Length));

        // The nearest person mention outside the quote, within three tokens of the cue (mentions are in
        // token order, so only that window needs looking at).
        const int MaxDistance = 3;
        int best = -1;
        int bestDistance = int.MaxValue;
        for (int m = FirstMentionAtOrAfterToken(mentions, cueIndex - MaxDistance); m < mentions.Length && mentions[m].FirstToken <= cueIndex + MaxDistance; m++)
        {
            MentionInfo mention = mentions[m];
            if (mention.Type != EntityType.Person || mention.Start < sentence.Start || mention.End > sentence.End
                || (mention.Start >= tokens[open].Start && mention.End <= tokens[close].End))
            {
                continue;
            }

            int distance = Math.Abs(mention.FirstToken - cueIndex);
            if (distance < bestDistance)
            {
                best = m;
                bestDistance = distance;
            }
        }

        if (best >= 0)
        {
            MentionInfo mention = mentions[best];
            EntityInfo entity = document.Entities[document.MentionEntity[best]];
            return (new Speaker(entity.Id, entity.Name, mention.Start, mention.End, text.Substring(mention.Start, mention.End - mention.Start)), cue);
        }

        int subject = cueIndex - 1;
        if (subject >= sentence.FirstToken && text.AsSpan(tokens[subject].Start, tokens[subject].Length) is "he" or "she" or "He" or "She")
        {
            int before = MentionsEndingBy(mentions, tokens[subject].Start);
            int m = before > 0 ? previousPerson[before - 1] : -1;
            if (m >= 0)
            {
                EntityInfo entity = document.Entities[document.MentionEntity[m]];
                return (new Speaker(entity.Id, entity.Name, tokens[subject].Start, tokens[subject].End, text.Substring(tokens[subject].Start, tokens[subject].Length)), cue);
            }
        }

        return (null, cue);
    }
}
