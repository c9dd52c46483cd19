using System.Collections.Frozen;
using NewsExtract.Lexicons;

namespace NewsExtract.Text.Sentences;

/// <summary>The sentence splitter's word lists (embedded text files under <c>Data/</c>), loaded once and immutable.</summary>
internal static class SentenceLexicon
{
    private static readonly FrozenSet<string> s_signOffs;
    private static readonly FrozenSet<string> s_greetings;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_signOffLookup;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_greetingLookup;

#pragma warning disable CA1810 // Both sets come from one file; one static constructor reads it once.
    static SentenceLexicon()
#pragma warning restore CA1810
    {
        var signOffs = new List<string>();
        var greetings = new List<string>();
        foreach (string raw in LexiconRegistry.Get("letter-phrases").Entries)
        {
            string line = raw.TrimEnd('\r');
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || tab < 0)
            {
                continue;
            }

            (line[(tab + 1)..].Trim() == "greeting" ? greetings : signOffs).Add(line[..tab].Trim());
        }

        s_signOffs = signOffs.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        s_greetings = greetings.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        s_signOffLookup = s_signOffs.GetAlternateLookup<ReadOnlySpan<char>>();
        s_greetingLookup = s_greetings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether <paramref name="phrase"/> (words separated by single spaces) is a letter's sign-off ("Best regards").</summary>
    public static bool IsSignOff(ReadOnlySpan<char> phrase) => s_signOffLookup.Contains(phrase);

    /// <summary>Whether <paramref name="word"/> opens a letter's greeting ("Dear", "Hi").</summary>
    public static bool IsGreeting(ReadOnlySpan<char> word) => s_greetingLookup.Contains(word);
}
