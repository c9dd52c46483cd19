namespace NewsExtract.Internal;

/// <summary>A recognized mention with its token range (tokens <c>FirstToken .. FirstToken + TokenCount - 1</c>).</summary>
internal readonly record struct MentionInfo(int Start, int End, int FirstToken, int TokenCount, EntityType Type, float Confidence)
{
    /// <summary>
    /// The whole span is a name of a hand-curated organization list of the model's gazetteers ("Kremlin",
    /// "White House", "Pentagon") and of no place list. Evidence for the resolver's type vote, not a tag.
    /// </summary>
    public bool ListedOrganization { get; init; }

    /// <summary>
    /// The whole span is a name of a place list of the model's gazetteers ("Surrey", "Toronto"): a body named
    /// after it ("Surrey said") is not taken for the short form of a longer organization name.
    /// </summary>
    public bool ListedPlace { get; init; }
}
