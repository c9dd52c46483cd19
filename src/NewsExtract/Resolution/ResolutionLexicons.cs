using System.Collections.Frozen;
using NewsExtract.Internal;
using NewsExtract.Lexicons;

namespace NewsExtract.Resolution;

/// <summary>
/// The word lists of the resolution stage, read once from the embedded files under
/// <c>src/NewsExtract/Lexicons</c> through <see cref="LexiconRegistry"/> (each file's header names its
/// source and licence). The library's one list of titles (<c>titles</c>, <c>title-modifiers</c>), of
/// honorifics (<c>honorifics</c>) and of organization suffixes (<c>org-suffixes</c>): later stages read
/// them here. All lookups take lower-case keys without dots. Immutable and shared between threads.
/// </summary>
internal sealed class ResolutionLexicons
{
    private static readonly Lazy<ResolutionLexicons> s_default = new(Load);

    private readonly FrozenSet<string> _initialsSkipWords = FrozenSet<string>.Empty;
    private readonly FrozenSet<string> _nameBindingWords = FrozenSet<string>.Empty;

    private ResolutionLexicons(
        FrozenSet<string> demonyms,
        FrozenSet<string> titleHeads,
        FrozenSet<string> titleModifiers,
        FrozenDictionary<string, PersonGender> titleGenders,
        FrozenDictionary<string, PersonGender> honorifics,
        FrozenDictionary<string, PersonGender> firstNames,
        FrozenDictionary<string, int[]> nameVariants,
        FrozenSet<string> orgSuffixes,
        FrozenSet<string> multiWordTitles,
        FrozenDictionary<string, string> honorificRoles)
    {
        HonorificRoles = honorificRoles;
        MultiWordTitles = multiWordTitles;
        Demonyms = demonyms;
        TitleHeads = titleHeads;
        TitleModifiers = titleModifiers;
        TitleGenders = titleGenders;
        Honorifics = honorifics;
        FirstNames = firstNames;
        NameVariants = nameVariants;
        OrgSuffixes = orgSuffixes;
    }

    public static ResolutionLexicons Default => s_default.Value;

    /// <summary>Nationality words ("russian", "south korean"), one or more words.</summary>
    public FrozenSet<string> Demonyms { get; }

    /// <summary>Words that end a title or role ("minister", "spokesman", "president").</summary>
    public FrozenSet<string> TitleHeads { get; }

    /// <summary>Words that can precede a title head inside a title ("deputy", "foreign", "prime").</summary>
    public FrozenSet<string> TitleModifiers { get; }

    /// <summary>Title heads that mark a gender ("spokeswoman" -> female).</summary>
    public FrozenDictionary<string, PersonGender> TitleGenders { get; }

    /// <summary>Honorifics without dots ("mr", "dr", "lt gen") and the gender they mark.</summary>
    public FrozenDictionary<string, PersonGender> Honorifics { get; }

    /// <summary>The role an honorific stands for ("sen" -> "senator"); absent for Mr, Mrs, Ms.</summary>
    public FrozenDictionary<string, string> HonorificRoles { get; }

    /// <summary>Given names with a clear gender in US records.</summary>
    public FrozenDictionary<string, PersonGender> FirstNames { get; }

    /// <summary>For a given name, the ids of the nickname groups it belongs to.</summary>
    public FrozenDictionary<string, int[]> NameVariants { get; }

    /// <summary>Titles of two or more words, words joined by one space ("secretary of state").</summary>
    public FrozenSet<string> MultiWordTitles { get; }

    /// <summary>Company legal-form suffixes ("inc", "corp", "group").</summary>
    public FrozenSet<string> OrgSuffixes { get; }

    /// <summary>Surname particles dropped inside person names for comparison ("van", "de", "bin").</summary>
    public FrozenSet<string> NameParticles { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Generational suffixes after a person name ("jr", "iii").</summary>
    public FrozenSet<string> GenerationalSuffixes { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Function words left out of a name's initials ("of", "for", "de", "&amp;").</summary>
    public FrozenSet<string> InitialsSkipWords
    {
        get => _initialsSkipWords;
        private init
        {
            _initialsSkipWords = value;
            InitialsSkipWordLookup = value.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary><see cref="InitialsSkipWords"/> looked up by span, case-sensitively.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InitialsSkipWordLookup { get; private init; }

    /// <summary>Words that bind a multi-word name together, so it is not split at "and" ("of", "for", "de").</summary>
    public FrozenSet<string> NameBindingWords
    {
        get => _nameBindingWords;
        private init
        {
            _nameBindingWords = value;
            NameBindingWordLookup = value.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary><see cref="NameBindingWords"/> looked up by span, case-sensitively.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameBindingWordLookup { get; private init; }

    /// <summary>
    /// Third-person singular pronouns and the gender they mark ("she" -> female), any case, looked up by span
    /// (<c>gendered-pronouns</c>).
    /// </summary>
    public FrozenDictionary<string, PersonGender>.AlternateLookup<ReadOnlySpan<char>> GenderedPronouns { get; private init; }

    /// <summary>Determiners that may open a role apposition ("the", "a", "her").</summary>
    public FrozenSet<string> RoleDeterminers { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Whether the word (any case, dots ignored) is a title head, also in the plural ("presidents", "spokesmen").</summary>
    public bool IsTitleHead(string lowerWord) => TitleHeads.Contains(Singular(lowerWord));

    public bool IsTitleModifier(string lowerWord) => TitleModifiers.Contains(lowerWord);

    /// <summary>Whether the word is a nationality word, also in the plural ("russians").</summary>
    public bool IsDemonym(string lowerWords)
        => Demonyms.Contains(lowerWords) || (lowerWords.Length > 3 && lowerWords[^1] == 's' && Demonyms.Contains(lowerWords[..^1]));

    /// <summary>The singular of a title word: "ministers" -> "minister", "spokesmen" -> "spokesman"; other words unchanged.</summary>
    public string Singular(string lowerWord)
    {
        if (TitleHeads.Contains(lowerWord))
        {
            return lowerWord;
        }

        if (lowerWord.EndsWith("men", StringComparison.Ordinal) && TitleHeads.Contains(string.Concat(lowerWord.AsSpan(0, lowerWord.Length - 3), "man")))
        {
            return string.Concat(lowerWord.AsSpan(0, lowerWord.Length - 3), "man");
        }

        if (lowerWord.EndsWith("es", StringComparison.Ordinal) && TitleHeads.Contains(lowerWord[..^2]))
        {
            return lowerWord[..^2];
        }

        if (lowerWord.EndsWith('s') && TitleHeads.Contains(lowerWord[..^1]))
        {
            return lowerWord[..^1];
        }

        return lowerWord;
    }

    /// <summary>Whether two given names are nicknames of one another ("joe"/"joseph").</summary>
    public bool AreNameVariants(string a, string b)
    {
        if (!NameVariants.TryGetValue(a, out int[]? ga) || !NameVariants.TryGetValue(b, out int[]? gb))
        {
            return false;
        }

        foreach (int x in ga)
        {
            if (Array.IndexOf(gb, x) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static ResolutionLexicons Load()
    {
        var demonyms = new HashSet<string>(StringComparer.Ordinal);
        AddLines(demonyms, "demonyms");
        AddLines(demonyms, "demonyms-extra");

        var heads = new HashSet<string>(StringComparer.Ordinal);
        var modifiers = new HashSet<string>(StringComparer.Ordinal);
        var titleGenders = new Dictionary<string, PersonGender>(StringComparer.Ordinal);
        var multiWord = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string title, string? extra) in Lines("titles"))
        {
            string[] words = title.Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            heads.Add(words[^1]);
            if (words.Length > 1)
            {
                multiWord.Add(string.Join(' ', words));
            }
            if (title.Contains('-', StringComparison.Ordinal))
            {
                heads.Add(title);
            }

            for (int i = 0; i < words.Length - 1; i++)
            {
                // "of" in "secretary of state" is handled by the title scanner, not as a modifier.
                if (words[i] != "of")
                {
                    modifiers.Add(words[i]);
                }
            }

            PersonGender gender = ParseGender(extra);
            if (gender != PersonGender.Unknown)
            {
                titleGenders[words[^1]] = gender;
            }
        }

        foreach ((string word, _) in Lines("title-modifiers"))
        {
            modifiers.Add(word);
        }

        var honorifics = new Dictionary<string, PersonGender>(StringComparer.Ordinal);
        var honorificRoles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string honorific, string? extra) in Lines("honorifics"))
        {
            string[] columns = (extra ?? string.Empty).Split('\t');
            honorifics[honorific] = ParseGender(columns[0].Trim());
            if (columns.Length > 1 && columns[1].Trim().Length > 0)
            {
                honorificRoles[honorific] = columns[1].Trim();
            }
        }

        var firstNames = new Dictionary<string, PersonGender>(StringComparer.Ordinal);
        foreach ((string name, string? extra) in Lines("first-names"))
        {
            firstNames.TryAdd(name, ParseGender(extra));
        }

        var variants = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        int group = 0;
        foreach ((string line, _) in Lines("name-variants"))
        {
            foreach (string name in line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!variants.TryGetValue(name, out List<int>? groups))
                {
                    groups = [];
                    variants[name] = groups;
                }

                groups.Add(group);
            }

            group++;
        }

        var suffixes = new HashSet<string>(StringComparer.Ordinal);
        AddLines(suffixes, "org-suffixes");

        return new ResolutionLexicons(
            demonyms.ToFrozenSet(StringComparer.Ordinal),
            heads.ToFrozenSet(StringComparer.Ordinal),
            modifiers.ToFrozenSet(StringComparer.Ordinal),
            titleGenders.ToFrozenDictionary(StringComparer.Ordinal),
            honorifics.ToFrozenDictionary(StringComparer.Ordinal),
            firstNames.ToFrozenDictionary(StringComparer.Ordinal),
            variants.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            suffixes.ToFrozenSet(StringComparer.Ordinal),
            multiWord.ToFrozenSet(StringComparer.Ordinal),
            honorificRoles.ToFrozenDictionary(StringComparer.Ordinal))
        {
            NameParticles = Set("name-particles"),
            GenerationalSuffixes = Set("generational-suffixes"),
            InitialsSkipWords = Set("initials-skip-words"),
            NameBindingWords = Set("name-binding-words"),
            RoleDeterminers = Set("role-determiners"),
            GenderedPronouns = GenderColumn("gendered-pronouns").GetAlternateLookup<ReadOnlySpan<char>>(),
        };
    }

    private static FrozenDictionary<string, PersonGender> GenderColumn(string lexicon)
    {
        var map = new Dictionary<string, PersonGender>(StringComparer.OrdinalIgnoreCase);
        foreach ((string item, string? extra) in Lines(lexicon))
        {
            map[item] = ParseGender(extra);
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static FrozenSet<string> Set(string lexicon)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        AddLines(set, lexicon);
        return set.ToFrozenSet(StringComparer.Ordinal);
    }

    private static PersonGender ParseGender(string? column) => column switch
    {
        "M" => PersonGender.Male,
        "F" => PersonGender.Female,
        _ => PersonGender.Unknown,
    };

    private static void AddLines(HashSet<string> set, string lexicon)
    {
        foreach ((string item, _) in Lines(lexicon))
        {
            set.Add(item);
        }
    }

    /// <summary>The entries of an embedded lexicon: first column lower-cased without dots, second column as is.</summary>
    private static IEnumerable<(string Item, string? Extra)> Lines(string lexicon)
    {
        foreach (string raw in LexiconRegistry.Get(lexicon).Entries)
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            string item = NameKey.Fold(tab < 0 ? line : line[..tab]).Replace(".", string.Empty, StringComparison.Ordinal).Trim();
            string? extra = tab < 0 ? null : line[(tab + 1)..].Trim();
            if (item.Length > 0)
            {
                yield return (item, extra);
            }
        }
    }
}
