namespace NewsExtract.Entities;

/// <summary>A sentence for the tagger: its token range and whether it is a headline (title case or all caps).</summary>
internal readonly record struct NerSentence(int FirstToken, int TokenCount, bool IsHeadline);
