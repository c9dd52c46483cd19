namespace NewsExtract;

/// <summary>A real-world person, organization or place, with all the names the article uses for it.</summary>
/// <param name="Id">An identifier unique within one analysis.</param>
/// <param name="Type">The type of the entity.</param>
/// <param name="Name">The canonical (most complete) name.</param>
/// <param name="Aliases">Every distinct surface form used in the article, canonical name first.</param>
/// <param name="MentionCount">How many mentions resolve to this entity.</param>
/// <param name="Roles">Titles and roles the article gives the entity ("Kremlin spokesman"); empty when none.</param>
public sealed record Entity(
    int Id,
    EntityType Type,
    string Name,
    IReadOnlyList<string> Aliases,
    int MentionCount,
    IReadOnlyList<string> Roles);
