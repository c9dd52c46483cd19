namespace NewsExtract.Internal;

/// <summary>A cluster of mentions that name one real-world entity, as built by the resolution stage. Immutable.</summary>
internal sealed class EntityInfo
{
    public EntityInfo(int id, EntityType type, string name, IReadOnlyList<string> aliases, IReadOnlyList<int> mentions, IReadOnlyList<string> roles)
    {
        Id = id;
        Type = type;
        Name = name;
        Aliases = aliases;
        Mentions = mentions;
        Roles = roles;
    }

    public int Id { get; }

    public EntityType Type { get; }

    /// <summary>The canonical (most complete) name.</summary>
    public string Name { get; }

    /// <summary>Distinct surface forms, canonical name first.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Indices into <see cref="AnalysisDocument.Mentions"/>, ascending.</summary>
    public IReadOnlyList<int> Mentions { get; }

    /// <summary>Roles and titles ("kremlin spokesman"), lower-cased as written in the text.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>
    /// The head nouns of <see cref="Roles"/>, lower case and singular ("spokesman", "minister"), so a
    /// later stage can resolve "the spokesman said" to this entity.
    /// </summary>
    public IReadOnlyList<string> RoleHeads { get; init; } = [];

    /// <summary>For persons, the gender shown by an honorific, a gendered role or the first name.</summary>
    public PersonGender Gender { get; init; }
}
