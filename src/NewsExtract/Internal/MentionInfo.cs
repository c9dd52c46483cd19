namespace NewsExtract.Internal;

/// <summary>A recognized mention with its token range (tokens <c>FirstToken .. FirstToken + TokenCount - 1</c>).</summary>
internal readonly record struct MentionInfo(int Start, int End, int FirstToken, int TokenCount, EntityType Type, float Confidence);
