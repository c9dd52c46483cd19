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
        foreach (SentenceInfo sentence in document.Sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
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

                if (close >= end || close == i + 1)
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
                    continue;
                }

                int qStart = tokens[first].Start;
                int qEnd = tokens[last].End;
                bool direct = i == sentence.FirstToken;
                (Speaker? speaker, QuoteCue? cue) = Attribute(document, sentence, i, close);
                quotes.Add(new Quote(qStart, qEnd, text.Substring(qStart, qEnd - qStart), direct ? QuoteKind.Direct : QuoteKind.Partial, speaker, cue));
                i = close;
            }
        }

        return quotes.ToArray();
    }

    private static bool IsQuoteMark(string text, Token token)
        => token.Kind is TokenKind.OpeningQuote or TokenKind.ClosingQuote
            || (token.Length == 1 && text[token.Start] is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB');

    private static (Speaker?, QuoteCue?) Attribute(AnalysisDocument document, SentenceInfo sentence, int open, int close)
    {
        string text = document.Text;
        Token[] tokens = document.Tokens;
        int end = sentence.FirstToken + sentence.TokenCount;
        int cueIndex = -1;
        for (int k = sentence.FirstToken; k < end; k++)
        {
            if ((k < open || k > close) && s_cues.Contains(text.Substring(tokens[k].Start, tokens[k].Length)))
            {
                cueIndex = k;
                break;
            }
        }

        if (cueIndex < 0)
        {
            return (null, null);
        }

        var cue = new QuoteCue(tokens[cueIndex].Start, tokens[cueIndex].End, text.Substring(tokens[cueIndex].Start, tokens[cueIndex].Length));
        int best = -1;
        int bestDistance = int.MaxValue;
        for (int m = 0; m < document.Mentions.Length; m++)
        {
            MentionInfo mention = document.Mentions[m];
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

        if (best >= 0 && bestDistance <= 3)
        {
            MentionInfo mention = document.Mentions[best];
            EntityInfo entity = document.Entities[document.MentionEntity[best]];
            return (new Speaker(entity.Id, entity.Name, mention.Start, mention.End, text.Substring(mention.Start, mention.End - mention.Start)), cue);
        }

        int subject = cueIndex - 1;
        if (subject >= sentence.FirstToken && text.AsSpan(tokens[subject].Start, tokens[subject].Length) is "he" or "she" or "He" or "She")
        {
            for (int m = document.Mentions.Length - 1; m >= 0; m--)
            {
                if (document.Mentions[m].Type == EntityType.Person && document.Mentions[m].End <= tokens[subject].Start)
                {
                    EntityInfo entity = document.Entities[document.MentionEntity[m]];
                    return (new Speaker(entity.Id, entity.Name, tokens[subject].Start, tokens[subject].End, text.Substring(tokens[subject].Start, tokens[subject].Length)), cue);
                }
            }
        }

        return (null, cue);
    }
}
