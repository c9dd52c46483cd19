namespace NewsExtract;

/// <summary>A sentence of the article, as offsets into the analysed text.</summary>
/// <param name="Start">The index of the first code unit of the sentence.</param>
/// <param name="End">The index one past the last code unit of the sentence.</param>
public readonly record struct Sentence(int Start, int End);
