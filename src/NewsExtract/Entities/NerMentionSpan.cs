namespace NewsExtract.Entities;

/// <summary>A tagged mention: a token range, its 1-based class and a confidence.</summary>
internal readonly record struct NerMentionSpan(int FirstToken, int TokenCount, int Class, float Confidence);
