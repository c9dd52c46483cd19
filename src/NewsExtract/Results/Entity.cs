using System.Diagnostics.CodeAnalysis;

namespace NewsExtract;

/// <summary>A real-world person, organization or place, with all the names the article uses for it.</summary>
/// <remarks>Built by the analyzer; the public constructor and <c>init</c> accessors are for tests and deserialization.</remarks>
public sealed record Entity
{
    /// <summary>Initializes an empty entity; set every required property.</summary>
    public Entity()
    {
    }

    [SetsRequiredMembers]
    internal Entity(int id, EntityType type, string name, IReadOnlyList<string> aliases, int mentionCount, IReadOnlyList<string> roles)
    {
        Id = id;
        Type = type;
        Name = name;
        Aliases = aliases;
        MentionCount = mentionCount;
        Roles = roles;
    }

    /// <summary>Gets an identifier unique within one analysis.</summary>
    public required int Id { get; init; }

    /// <summary>Gets the type of the entity.</summary>
    public required EntityType Type { get; init; }

    /// <summary>Gets the canonical (most complete) name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets every distinct surface form used in the article, canonical name first.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>Gets how many mentions resolve to this entity.</summary>
    public required int MentionCount { get; init; }

    /// <summary>Gets the titles and roles the article gives the entity ("Kremlin spokesman"); empty when none.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
}
