using NewsExtract.Lexicons;

namespace NewsExtract.Structure;

/// <summary>
/// The phrases that open lines of page furniture (lexicon <c>boilerplate</c>),
/// lower-cased, longest first so the most specific phrase decides. Immutable and shared.
/// </summary>
internal sealed class BoilerplateLexicon
{
    private static readonly Lazy<BoilerplateLexicon> s_default = new(() => Parse(LexiconRegistry.Get("boilerplate").Entries));

    private readonly (string Phrase, bool Tail)[] _phrases;

    private BoilerplateLexicon((string Phrase, bool Tail)[] phrases) => _phrases = phrases;

    public static BoilerplateLexicon Default => s_default.Value;

    /// <summary>Parses the lexicon format: one phrase a line, optional TAB <c>tail</c>, <c>#</c> comments.</summary>
    public static BoilerplateLexicon Parse(IEnumerable<string> lines)
    {
        var phrases = new List<(string Phrase, bool Tail)>();
        foreach (string raw in lines)
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            string phrase = (tab < 0 ? line : line[..tab]).Trim().ToLowerInvariant();
            bool tail = tab >= 0 && line.AsSpan(tab + 1).Trim().SequenceEqual("tail");
            if (phrase.Length > 0)
            {
                phrases.Add((phrase, tail));
            }
        }

        phrases.Sort((a, b) => b.Phrase.Length != a.Phrase.Length ? b.Phrase.Length.CompareTo(a.Phrase.Length) : string.CompareOrdinal(a.Phrase, b.Phrase));
        return new BoilerplateLexicon(phrases.ToArray());
    }

    /// <summary>
    /// Decides whether a trimmed line is furniture. Phrases of three or more words, and phrases ending
    /// in a symbol (<c>"source:"</c>, <c>"\u00A9"</c>), are specific enough to match as a prefix of any line.
    /// Shorter phrases ("related", "comments") also start real sentences, so they count only when the
    /// line is short and either the phrase stands alone or the line has no sentence-final punctuation.
    /// </summary>
    /// <param name="line">The line, trimmed.</param>
    /// <param name="tail">Set when the lines that follow are furniture too (comment forms, story lists).</param>
    public bool IsBoilerplate(ReadOnlySpan<char> line, out bool tail)
    {
        tail = false;
        foreach ((string phrase, bool isTail) in _phrases)
        {
            if (!line.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            ReadOnlySpan<char> rest = line[phrase.Length..];
            if (rest.Length > 0 && char.IsLetterOrDigit(rest[0]) && char.IsLetterOrDigit(phrase[^1]))
            {
                // "Commentary" does not start with the word "comment".
                continue;
            }

            bool specific = !char.IsLetterOrDigit(phrase[^1]) || CountWords(phrase) >= 3;
            bool matches = specific;
            if (!matches)
            {
                ReadOnlySpan<char> after = rest.TrimStart();
                bool standsAlone = after.Length == 0 || !char.IsLetter(after[0]);
                bool short12 = CountWords(line) <= 12;
                matches = short12 && (standsAlone || !EndsLikeSentence(line));
            }

            if (matches)
            {
                tail = isTail;
                return true;
            }
        }

        return false;
    }

    internal static int CountWords(ReadOnlySpan<char> s)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }

    internal static bool EndsLikeSentence(ReadOnlySpan<char> line)
        => line.Length > 0 && line[^1] is '.' or '!' or '?' or '"' or '\u201D' or '\u2019' or '\'' or ')' or ':' or ';' or ',';
}
