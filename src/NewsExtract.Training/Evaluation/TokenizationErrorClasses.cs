namespace NewsExtract.Training.Evaluation;

/// <summary>
/// Sorts sentence-boundary errors into classes for error analysis: a gold sentence end the splitter missed,
/// or an end it put where the gold has none, by what the text looks like there (the character before the
/// boundary and the white space and character after it).
/// </summary>
public static class TokenizationErrorClasses
{
    /// <summary>The class names in report order; <see cref="TokenizationScores.SentenceErrors"/> follows it.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "missed end after . ! ? or ellipsis",
        "missed end after a closing quote or bracket",
        "missed end after an abbreviation or initial",
        "missed end after a colon or semicolon",
        "missed end at a line break",
        "missed end without punctuation before a capital",
        "missed end without punctuation, other",
        "missed end inside a predicted token",
        "split after an abbreviation or initial",
        "split after . ! ? or ellipsis inside a sentence",
        "split after a closing quote or bracket",
        "split at a line break",
        "split without punctuation",
    ];

    private const int MissedBase = 0;

    private const int SplitBase = 8;

    /// <summary>Adds the boundary errors of one document to <paramref name="counts"/> (indexed like <see cref="Names"/>).</summary>
    internal static void Count(string text, IReadOnlyList<(int Start, int End)> gold, List<(int Start, int End)> predicted, List<(int Start, int End)> tokens, int[] counts)
    {
        var goldEnds = new HashSet<int>();
        foreach ((_, int end) in gold)
        {
            goldEnds.Add(end);
        }

        var predictedEnds = new HashSet<int>();
        foreach ((_, int end) in predicted)
        {
            predictedEnds.Add(end);
        }

        var tokenEnds = new HashSet<int>();
        foreach ((_, int end) in tokens)
        {
            tokenEnds.Add(end);
        }

        foreach ((_, int end) in gold)
        {
            if (!predictedEnds.Contains(end))
            {
                counts[tokenEnds.Contains(end) ? MissedBase + Classify(text, end, missed: true) : MissedBase + 7]++;
            }
        }

        foreach ((_, int end) in predicted)
        {
            if (!goldEnds.Contains(end))
            {
                counts[SplitBase + Classify(text, end, missed: false)]++;
            }
        }
    }

    private static int Classify(string text, int end, bool missed)
    {
        char last = text[end - 1];
        int next = end;
        bool lineBreak = false;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            lineBreak |= text[next] == '\n';
            next++;
        }

        bool abbreviation = last == '.' && end >= 2 && char.IsLetter(text[end - 2]);
        bool closing = last is '"' or '\'' or ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB';
        bool final = last is '.' or '!' or '?' or '\u2026';
        if (!missed)
        {
            return abbreviation ? 0 : closing ? 2 : final ? 1 : lineBreak ? 3 : 4;
        }

        if (abbreviation)
        {
            return 2;
        }

        if (closing)
        {
            return 1;
        }

        if (final)
        {
            return 0;
        }

        if (last is ':' or ';')
        {
            return 3;
        }

        if (lineBreak)
        {
            return 4;
        }

        return next < text.Length && char.IsUpper(text[next]) ? 5 : 6;
    }
}
