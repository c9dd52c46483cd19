using NewsExtract.Internal;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Entities;

/// <summary>
/// First, rule-based mention finder: maximal runs of capitalized words inside a sentence (joined by
/// "of", "for", "and" when a capitalized word follows), skipping a sentence-initial function word.
/// Types come from simple cues: organization keywords and acronyms → Organization, two or three plain
/// names → Person, otherwise Location. The statistical model replaces this.
/// </summary>
internal sealed class EntityRecognizer
{
    private static readonly HashSet<string> s_stopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "In", "On", "At", "For", "But", "And", "Or", "If", "When", "This", "That", "These",
        "Those", "It", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "Its", "First",
        "Not", "According", "After", "Before", "During", "While", "Mr", "Mrs", "Ms", "Dr", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December", "There", "Everything", "What",
    };

    private static readonly HashSet<string> s_orgWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Council", "Bank", "Group", "Inc", "Corp", "Company", "Ministry", "Party", "University", "Engineering",
        "Agency", "Association", "Organization", "Organisation", "Committee", "Department", "Institute", "Estuary",
        "Gazette", "Times", "News", "Kremlin", "Parliament", "Senate", "Congress", "Union",
    };

    public MentionInfo[] Recognize(AnalysisDocument document)
    {
        string text = document.Text;
        Token[] tokens = document.Tokens;
        var mentions = new List<MentionInfo>();
        foreach (SentenceInfo sentence in document.Sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
            int i = sentence.FirstToken;
            while (i < end)
            {
                if (!IsCapitalized(text, tokens[i]) || s_stopWords.Contains(text.Substring(tokens[i].Start, tokens[i].Length)))
                {
                    i++;
                    continue;
                }

                int j = i + 1;
                while (j < end)
                {
                    if (IsCapitalized(text, tokens[j]) && !s_stopWords.Contains(text.Substring(tokens[j].Start, tokens[j].Length)))
                    {
                        j++;
                    }
                    else if (j + 1 < end && IsConnector(text.AsSpan(tokens[j].Start, tokens[j].Length)) && IsCapitalized(text, tokens[j + 1]))
                    {
                        j += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                mentions.Add(new MentionInfo(tokens[i].Start, tokens[j - 1].End, i, j - i, GuessType(text, tokens, i, j), 0.5f));
                i = j;
            }
        }

        return mentions.ToArray();
    }

    private static bool IsConnector(ReadOnlySpan<char> word) => word is "of" or "for" or "and";

    private static bool IsCapitalized(string text, Token token)
        => token.Kind == TokenKind.Word && char.IsUpper(text[token.Start]);

    private static EntityType GuessType(string text, Token[] tokens, int first, int end)
    {
        for (int k = first; k < end; k++)
        {
            if (s_orgWords.Contains(text.Substring(tokens[k].Start, tokens[k].Length)))
            {
                return EntityType.Organization;
            }
        }

        ReadOnlySpan<char> span = text.AsSpan(tokens[first].Start, tokens[end - 1].End - tokens[first].Start);
        bool allUpper = span.Length >= 2;
        foreach (char c in span)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                allUpper = false;
                break;
            }
        }

        if (allUpper)
        {
            return EntityType.Organization;
        }

        int words = end - first;
        return words is 2 or 3 ? EntityType.Person : EntityType.Location;
    }
}
