using System.Collections.Frozen;
using NewsExtract.Lexicons;

namespace NewsExtract.Quotes;

/// <summary>
/// Gender evidence for pronoun agreement: given names (embedded <c>GivenNames.txt</c>) and titles.
/// Kept inside the quote stage until the resolution stage provides a gender on entities.
/// </summary>
internal sealed class GenderLexicon
{
    private static readonly Lazy<GenderLexicon> s_default = new(() => new GenderLexicon(LexiconRegistry.Get("given-names-common").Entries));

    private static readonly FrozenDictionary<string, Gender> s_titles = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase)
    {
        ["Mr"] = Gender.Male, ["Mr."] = Gender.Male, ["Sir"] = Gender.Male, ["King"] = Gender.Male, ["Prince"] = Gender.Male,
        ["Mrs"] = Gender.Female, ["Mrs."] = Gender.Female, ["Ms"] = Gender.Female, ["Ms."] = Gender.Female, ["Miss"] = Gender.Female,
        ["Madam"] = Gender.Female, ["Dame"] = Gender.Female, ["Queen"] = Gender.Female, ["Princess"] = Gender.Female,
        ["Lady"] = Gender.Female,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, Gender> _names;

    public GenderLexicon(IEnumerable<string> lines)
    {
        var names = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] parts = line.Split('\t');
            if (parts.Length == 2)
            {
                names[parts[0]] = parts[1] == "f" ? Gender.Female : Gender.Male;
            }
        }

        _names = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public static GenderLexicon Default => s_default.Value;

    /// <summary>The gender a name signals by its first word (a title or a given name); Unknown otherwise.</summary>
    public Gender Of(string name)
    {
        foreach (string word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (s_titles.TryGetValue(word, out Gender title))
            {
                return title;
            }

            return _names.TryGetValue(word.TrimEnd('.'), out Gender given) ? given : Gender.Unknown;
        }

        return Gender.Unknown;
    }

    /// <summary>The gender a title or given name word signals, if any.</summary>
    public Gender OfWord(ReadOnlySpan<char> word)
    {
        var titles = s_titles.GetAlternateLookup<ReadOnlySpan<char>>();
        if (titles.TryGetValue(word, out Gender title))
        {
            return title;
        }

        return _names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out Gender given) ? given : Gender.Unknown;
    }
}
