using System.Collections.Frozen;
using NewsExtract.Lexicons;

namespace NewsExtract.Text.Tokenization;

/// <summary>
/// The tokenizer's word lists (embedded text files under <c>Data/</c>), loaded once, immutable and
/// looked up by span without allocating.
/// </summary>
internal static class TokenizerLexicon
{
    private static readonly FrozenSet<string> s_abbreviations;
    private static readonly FrozenSet<string> s_titles;
    private static readonly FrozenSet<string> s_hyphenPrefixes;
    private static readonly FrozenSet<string> s_sentenceStarters;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_abbreviationLookup;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_titleLookup;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_hyphenPrefixLookup;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_sentenceStarterLookup;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_cliticLookup;
    private static readonly FrozenDictionary<string, WebSuffixKind>.AlternateLookup<ReadOnlySpan<char>> s_webSuffixLookup;

#pragma warning disable CA1810 // The sets depend on each other's file; one static constructor keeps the load in one place.
    static TokenizerLexicon()
#pragma warning restore CA1810
    {
        var abbreviations = new List<string>();
        var titles = new List<string>();
        foreach ((string item, string? tag) in ReadLines("abbreviations"))
        {
            abbreviations.Add(item);
            if (tag == "title")
            {
                titles.Add(item);
            }
        }

        var prefixes = new List<string>();
        foreach ((string item, _) in ReadLines("hyphen-prefixes"))
        {
            prefixes.Add(item);
        }

        var starters = new List<string>();
        foreach ((string item, _) in ReadLines("sentence-starters"))
        {
            starters.Add(item);
        }

        s_sentenceStarters = starters.ToFrozenSet(StringComparer.Ordinal);
        s_sentenceStarterLookup = s_sentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();
        s_abbreviations = abbreviations.ToFrozenSet(StringComparer.Ordinal);
        s_titles = titles.ToFrozenSet(StringComparer.Ordinal);
        s_hyphenPrefixes = prefixes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        s_abbreviationLookup = s_abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        s_titleLookup = s_titles.GetAlternateLookup<ReadOnlySpan<char>>();
        s_hyphenPrefixLookup = s_hyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();

        var clitics = new List<string>();
        foreach ((string item, _) in ReadLines("clitics"))
        {
            clitics.Add(item);
        }

        s_cliticLookup = clitics.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        var suffixes = new Dictionary<string, WebSuffixKind>(StringComparer.Ordinal);
        foreach ((string item, string? tag) in ReadLines("web-suffixes"))
        {
            suffixes[item] = tag == "file" ? WebSuffixKind.File : WebSuffixKind.Domain;
        }

        s_webSuffixLookup = suffixes.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether <paramref name="wordWithPeriod"/> (e.g. "Dr.") is a listed abbreviation.</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> wordWithPeriod) => s_abbreviationLookup.Contains(wordWithPeriod);

    /// <summary>Whether <paramref name="wordWithPeriod"/> is written before a name ("Mr.", "Gen.") and so never ends a sentence.</summary>
    public static bool IsTitle(ReadOnlySpan<char> wordWithPeriod) => s_titleLookup.Contains(wordWithPeriod);

    /// <summary>Whether a capitalized word almost always begins a sentence ("The", "He", "But").</summary>
    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => s_sentenceStarterLookup.Contains(word);

    /// <summary>Whether a hyphen after <paramref name="prefix"/> joins it to the next word ("e-mail").</summary>
    public static bool IsHyphenPrefix(ReadOnlySpan<char> prefix) => s_hyphenPrefixLookup.Contains(prefix);

    /// <summary>
    /// Whether a token is a clitic split off its host word ("'s", "n't", "&#x2019;re", the possessive "'"):
    /// UD counts the host and the clitic as one surface (multi-word) token.
    /// </summary>
    public static bool IsClitic(ReadOnlySpan<char> token)
    {
        if (token.Length == 0)
        {
            return false;
        }

        if (token[0] is '\'' or '\u2019')
        {
            ReadOnlySpan<char> rest = token[1..];
            return rest.Length == 0 || IsCliticSuffix(rest);
        }

        return token.Length == 3 && (token[0] | 0x20) == 'n' && token[1] is '\'' or '\u2019' && (token[2] | 0x20) == 't';
    }

    /// <summary>Whether the letters after an apostrophe are a clitic ("s", "re", "ll"; lexicon <c>clitics</c>), any case.</summary>
    public static bool IsCliticSuffix(ReadOnlySpan<char> letters) => letters.Length > 0 && s_cliticLookup.Contains(letters);

    /// <summary>What a lower-case web-address label is (lexicon <c>web-suffixes</c>): a top-level domain, a file extension, or neither.</summary>
    public static WebSuffixKind WebSuffix(ReadOnlySpan<char> lowerLabel)
        => s_webSuffixLookup.TryGetValue(lowerLabel, out WebSuffixKind kind) ? kind : WebSuffixKind.None;

    private static IEnumerable<(string Item, string? Tag)> ReadLines(string lexicon)
    {
        foreach (string raw in LexiconRegistry.Get(lexicon).Entries)
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            yield return tab < 0 ? (line.Trim(), null) : (line[..tab].Trim(), line[(tab + 1)..].Trim());
        }
    }
}
