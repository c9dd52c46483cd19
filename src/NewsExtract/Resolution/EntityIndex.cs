using System.Collections.Frozen;
using NewsExtract.Internal;

namespace NewsExtract.Resolution;

/// <summary>
/// The resolution stage's answer to "which entity is this name?", published once per document for every
/// later stage: lookups by full name, surname, given name, initials or acronym, role head
/// ("spokesman") and role phrase ("kremlin spokesman"), and each entity's type, gender and person-ness.
/// Later stages resolve names only through it, so a name means the same entity everywhere.
/// </summary>
/// <remarks>
/// Immutable after <see cref="Build"/>. Entity numbers are indices into <see cref="AnalysisDocument.Entities"/>
/// (ascending by first mention); every lookup returns them in that order. Keys are case-insensitive.
/// </remarks>
internal sealed class EntityIndex
{
    private static readonly FrozenDictionary<string, int[]> s_none = FrozenDictionary<string, int[]>.Empty;

    private readonly EntityInfo[] _entities;
    private readonly int[] _mentionEntity;
    private readonly int[] _firstMentionStart;
    private readonly FrozenDictionary<string, int[]> _byFullName;
    private readonly FrozenDictionary<string, int[]> _bySurname;
    private readonly FrozenDictionary<string, int[]> _byGivenName;
    private readonly FrozenDictionary<string, int[]> _byInitials;
    private readonly FrozenDictionary<string, int[]> _byRoleHead;
    private readonly FrozenDictionary<string, int[]> _byRolePhrase;

    private EntityIndex(EntityInfo[] entities, int[] mentionEntity, int[] firstMentionStart,
        FrozenDictionary<string, int[]> byFullName, FrozenDictionary<string, int[]> bySurname, FrozenDictionary<string, int[]> byGivenName,
        FrozenDictionary<string, int[]> byInitials, FrozenDictionary<string, int[]> byRoleHead, FrozenDictionary<string, int[]> byRolePhrase)
    {
        _entities = entities;
        _mentionEntity = mentionEntity;
        _firstMentionStart = firstMentionStart;
        _byFullName = byFullName;
        _bySurname = bySurname;
        _byGivenName = byGivenName;
        _byInitials = byInitials;
        _byRoleHead = byRoleHead;
        _byRolePhrase = byRolePhrase;
    }

    /// <summary>An index of a document without entities (the entity stages did not run).</summary>
    public static EntityIndex Empty { get; } = new([], [], [], s_none, s_none, s_none, s_none, s_none, s_none);

    /// <summary>The number of entities.</summary>
    public int Count => _entities.Length;

    /// <summary>Builds the index from the resolution layer (mentions, mention to entity, entities).</summary>
    public static EntityIndex Build(ResolutionLayer document)
    {
        EntityInfo[] entities = document.Entities;
        if (entities.Length == 0)
        {
            return Empty;
        }

        var fullName = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var surname = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var givenName = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var initials = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var roleHead = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var rolePhrase = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var firstStart = new int[entities.Length];
        for (int e = 0; e < entities.Length; e++)
        {
            EntityInfo entity = entities[e];
            firstStart[e] = entity.Mentions.Count > 0 ? document.Mentions[entity.Mentions[0]].Start : int.MaxValue;
            foreach (string alias in entity.Aliases)
            {
                Add(fullName, alias, e);
                string[] words = alias.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    continue;
                }

                if (entity.Type == EntityType.Person && words.Length >= 2)
                {
                    Add(surname, TrimPossessive(words[^1]), e);
                    Add(givenName, words[0], e);
                }
                else if (entity.Type == EntityType.Person)
                {
                    Add(surname, TrimPossessive(words[0]), e);
                }

                if (words.Length >= 2)
                {
                    string key = InitialsOf(words);
                    if (key.Length >= 2)
                    {
                        Add(initials, key, e);
                    }
                }
                else if (IsAcronym(words[0]))
                {
                    Add(initials, words[0], e);
                }
            }

            foreach (string role in entity.Roles)
            {
                Add(rolePhrase, role, e);
            }

            foreach (string head in entity.RoleHeads)
            {
                Add(roleHead, head, e);
            }
        }

        return new EntityIndex(entities, document.MentionEntity, firstStart,
            Freeze(fullName, StringComparer.OrdinalIgnoreCase), Freeze(surname, StringComparer.OrdinalIgnoreCase),
            Freeze(givenName, StringComparer.OrdinalIgnoreCase), Freeze(initials, StringComparer.Ordinal),
            Freeze(roleHead, StringComparer.OrdinalIgnoreCase), Freeze(rolePhrase, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The entity a mention belongs to (index into the entities).</summary>
    public int EntityOfMention(int mention) => _mentionEntity[mention];

    /// <summary>The entity record (name, aliases, mentions, roles).</summary>
    public EntityInfo Entity(int entity) => _entities[entity];

    /// <summary>The entity's type.</summary>
    public EntityType TypeOf(int entity) => _entities[entity].Type;

    /// <summary>The resolution stage's gender of a person entity (Unknown for other entities).</summary>
    public PersonGender GenderOf(int entity) => _entities[entity].Gender;

    /// <summary>Whether the entity is a person.</summary>
    public bool IsPerson(int entity) => _entities[entity].Type == EntityType.Person;

    /// <summary>
    /// Whether a person entity has evidence beyond a capitalized name: a known gender (honorific, gendered
    /// role, given name) or a role.
    /// </summary>
    public bool HasPersonEvidence(int entity)
        => _entities[entity].Type == EntityType.Person && (_entities[entity].Gender != PersonGender.Unknown || _entities[entity].RoleHeads.Count > 0);

    /// <summary>The number of mentions of the entity (salience).</summary>
    public int MentionCount(int entity) => _entities[entity].Mentions.Count;

    /// <summary>The start offset of the entity's first mention.</summary>
    public int FirstMentionStart(int entity) => _firstMentionStart[entity];

    /// <summary>Entities with this name or alias, written in full.</summary>
    public ReadOnlySpan<int> ByFullName(string name) => Lookup(_byFullName, name);

    /// <summary>Person entities whose name ends with this word ("Riabkov"), or is this one word.</summary>
    public ReadOnlySpan<int> BySurname(string word) => Lookup(_bySurname, TrimPossessive(word));

    /// <summary>Person entities whose name of two or more words starts with this word ("Jayme").</summary>
    public ReadOnlySpan<int> ByGivenName(string word) => Lookup(_byGivenName, word);

    /// <summary>
    /// Entities whose multi-word name has these initials ("EDC" for "Export Development Canada"), or that are
    /// named by this acronym. Case-sensitive: acronyms are written in capitals.
    /// </summary>
    public ReadOnlySpan<int> ByInitials(string acronym) => Lookup(_byInitials, acronym);

    /// <summary>Entities holding a role with this head noun, singular ("spokesman", "minister").</summary>
    public ReadOnlySpan<int> ByRoleHead(string head) => Lookup(_byRoleHead, head);

    /// <summary>Entities holding this role phrase as written ("kremlin spokesman").</summary>
    public ReadOnlySpan<int> ByRolePhrase(string phrase) => Lookup(_byRolePhrase, phrase);

    /// <summary>Of some entities, the one mentioned last before an offset (-1 when none is mentioned before it).</summary>
    public int LastMentionedBefore(ReadOnlySpan<int> entities, MentionInfo[] mentions, int offset)
    {
        int best = -1;
        int bestStart = -1;
        foreach (int e in entities)
        {
            foreach (int m in _entities[e].Mentions)
            {
                int start = mentions[m].Start;
                if (start >= offset)
                {
                    break;
                }

                if (start > bestStart)
                {
                    bestStart = start;
                    best = e;
                }
            }
        }

        return best;
    }

    /// <summary>The initials of the capitalized words of a name ("Export Development Canada" -> "EDC").</summary>
    public static string InitialsOf(string[] words)
    {
        Span<char> buffer = stackalloc char[16];
        int n = 0;
        foreach (string w in words)
        {
            if (w.Length > 0 && char.IsUpper(w[0]) && n < buffer.Length)
            {
                buffer[n++] = w[0];
            }
        }

        return new string(buffer[..n]);
    }

    /// <summary>A word of two or more capitals only ("EDC", "NATO").</summary>
    public static bool IsAcronym(string word)
    {
        if (word.Length < 2)
        {
            return false;
        }

        foreach (char ch in word)
        {
            if (!char.IsUpper(ch))
            {
                return false;
            }
        }

        return true;
    }

    private static string TrimPossessive(string word)
        => word.EndsWith("\u2019s", StringComparison.Ordinal) || word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;

    private static ReadOnlySpan<int> Lookup(FrozenDictionary<string, int[]> map, string key)
        => map.TryGetValue(key, out int[]? found) ? found : [];

    private static void Add(Dictionary<string, List<int>> map, string key, int entity)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!map.TryGetValue(key, out List<int>? list))
        {
            list = [];
            map[key] = list;
        }

        if (list.Count == 0 || list[^1] != entity)
        {
            list.Add(entity);
        }
    }

    private static FrozenDictionary<string, int[]> Freeze(Dictionary<string, List<int>> map, StringComparer comparer)
    {
        var result = new Dictionary<string, int[]>(map.Count, comparer);
        foreach (KeyValuePair<string, List<int>> pair in map)
        {
            result[pair.Key] = [.. pair.Value];
        }

        return result.ToFrozenDictionary(comparer);
    }
}
