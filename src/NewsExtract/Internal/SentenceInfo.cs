namespace NewsExtract.Internal;

/// <summary>A sentence with its token range and the paragraph it belongs to.</summary>
internal readonly record struct SentenceInfo(int Start, int End, int FirstToken, int TokenCount, int Paragraph);
