namespace NewsExtract.Entities;

/// <summary>
/// The BILOU tag set over the entity classes: tag 0 is O; class <c>k</c> (1-based) has tags
/// B = 4k-3, I = 4k-2, L = 4k-1, U = 4k. Class names are stored in the model (PER, ORG, LOC, MISC...).
/// </summary>
internal static class NerLabels
{
    public const int Outside = 0;
    public const int Begin = 0;
    public const int Inside = 1;
    public const int Last = 2;
    public const int Unit = 3;

    public static int Count(int classCount) => 1 + (4 * classCount);

    /// <summary>The 1-based class of a tag, 0 for O.</summary>
    public static int ClassOf(int tag) => tag == 0 ? 0 : ((tag - 1) >> 2) + 1;

    /// <summary>The position (B, I, L, U) of a non-O tag.</summary>
    public static int PositionOf(int tag) => (tag - 1) & 3;

    public static int Tag(int cls, int position) => ((cls - 1) << 2) + position + 1;

    /// <summary>Whether tag <paramref name="next"/> may follow tag <paramref name="previous"/> (-1 = sentence start).</summary>
    public static bool Allowed(int previous, int next)
    {
        bool open = previous > 0 && PositionOf(previous) is Begin or Inside;
        if (open)
        {
            return next > 0 && ClassOf(next) == ClassOf(previous) && PositionOf(next) is Inside or Last;
        }

        return next == 0 || PositionOf(next) is Begin or Unit;
    }

    /// <summary>Whether a sentence may end after <paramref name="tag"/>.</summary>
    public static bool CanEnd(int tag) => tag == 0 || PositionOf(tag) is Last or Unit;

    /// <summary>Maps a class name to the public entity type, or null for internal classes such as MISC.</summary>
    public static EntityType? ToEntityType(string className) => className switch
    {
        "PER" => EntityType.Person,
        "ORG" => EntityType.Organization,
        "LOC" => EntityType.Location,
        _ => null,
    };
}
