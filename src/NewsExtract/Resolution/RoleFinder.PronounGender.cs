using NewsExtract.Internal;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Resolution;

/// <summary>The gender of a person the article gives no other evidence for, from the pronouns that follow its mentions.</summary>
internal sealed partial class RoleFinder
{
    /// <summary>How many more votes one gender needs than the other before it is taken.</summary>
    internal const int PronounVoteMargin = 2;

    /// <summary>
    /// How many tokens after a mention are searched for its pronoun, and how many capitalized words before it are
    /// skipped to find where its clause starts. Two news sentences fit well within it; the bound keeps the step
    /// linear in the text when a "sentence" has no end (a run of names without punctuation).
    /// </summary>
    internal const int PronounScanTokens = 150;

    /// <summary>
    /// Each mention of the person votes with the first gendered pronoun after it (lexicon
    /// <c>gendered-pronouns</c>: he, his, she, her, ...) in its sentence or the next one of the same paragraph,
    /// when no mention of another person and no quote mark stands between (a pronoun inside a quotation, or
    /// after another person is named, is not about this one). One gender is taken when its votes lead the
    /// other's by <see cref="PronounVoteMargin"/>. Why: one-word names ("Mulder") and given names of either
    /// sex ("Jayme", "Morgan", "Stacy") leave the gender unknown, and "she said" then cannot tell two such
    /// people apart, or picks the wrong one of a man and a woman.
    /// </summary>
    private PersonGender PronounGender(string text, Token[] tokens, SentenceInfo[] sentences, MentionInfo[] mentions, int[] mentionEntity, EntityInfo entity)
    {
        if (sentences.Length == 0)
        {
            return PersonGender.Unknown;
        }

        int male = 0;
        int female = 0;
        foreach (int m in entity.Mentions)
        {
            Count(FollowingPronoun(text, tokens, sentences, mentions, mentionEntity, m), ref male, ref female);
        }

        return male - female >= PronounVoteMargin ? PersonGender.Male
            : female - male >= PronounVoteMargin ? PersonGender.Female
            : PersonGender.Unknown;
    }

    /// <summary>The gender of the first gendered pronoun after mention <paramref name="m"/>, or unknown (see <see cref="PronounGender"/>).</summary>
    private PersonGender FollowingPronoun(string text, Token[] tokens, SentenceInfo[] sentences, MentionInfo[] mentions, int[] mentionEntity, int m)
    {
        MentionInfo mention = mentions[m];
        int s = SortedSearch.SentenceEndingAfter(sentences, mention.Start);
        if (s >= sentences.Length || sentences[s].Start > mention.Start)
        {
            return PersonGender.Unknown;
        }

        if (!StartsClause(text, tokens, sentences[s].FirstToken, mention.FirstToken))
        {
            return PersonGender.Unknown;
        }

        int end = sentences[s].FirstToken + sentences[s].TokenCount;
        if (s + 1 < sentences.Length && sentences[s + 1].Paragraph == sentences[s].Paragraph)
        {
            end = sentences[s + 1].FirstToken + sentences[s + 1].TokenCount;
        }

        int next = m + 1;
        int first = mention.FirstToken + mention.TokenCount;
        end = Math.Min(end, first + PronounScanTokens);
        for (int t = first; t < end && t < tokens.Length; t++)
        {
            while (next < mentions.Length && mentions[next].FirstToken + mentions[next].TokenCount <= t)
            {
                next++;
            }

            if (next < mentions.Length && mentions[next].FirstToken <= t)
            {
                if (mentions[next].Type == EntityType.Person && mentionEntity[next] != mentionEntity[m])
                {
                    return PersonGender.Unknown;
                }

                continue;
            }

            Token token = tokens[t];
            if (token.Kind is TokenKind.OpeningQuote or TokenKind.ClosingQuote)
            {
                return PersonGender.Unknown;
            }

            if (token.Kind == TokenKind.Word && _lexicons.GenderedPronouns.TryGetValue(text.AsSpan(token.Start, token.Length), out PersonGender g))
            {
                return g;
            }
        }

        return PersonGender.Unknown;
    }

    /// <summary>
    /// Whether the mention starting at token <paramref name="first"/> opens its sentence or a clause (after
    /// punctuation), titles and other capitalized words before it skipped: where a subject stands, the
    /// person a following he/she most often refers to ("Jayme told police that her ..." but not "Patterson
    /// dragged Jayme outside. He ...").
    /// </summary>
    private bool StartsClause(string text, Token[] tokens, int sentenceFirst, int first)
    {
        int t = first - 1;
        int stop = Math.Max(sentenceFirst, first - PronounScanTokens);
        while (t >= stop && tokens[t].Kind == TokenKind.Word
            && (char.IsUpper(text[tokens[t].Start]) || IsRoleWord(text, tokens[t], Plain(text, tokens[t]))))
        {
            t--;
        }

        return t < sentenceFirst || tokens[t].Kind is TokenKind.Punctuation or TokenKind.OpeningQuote or TokenKind.ClosingQuote;
    }
}
