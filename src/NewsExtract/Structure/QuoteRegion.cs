namespace NewsExtract.Structure;

/// <summary>
/// A top-level quoted stretch of one paragraph: the content between the marks (whitespace trimmed),
/// the mark positions (-1 when absent: unclosed at the paragraph end), and whether single marks opened it.
/// </summary>
internal readonly record struct QuoteRegion(int ContentStart, int ContentEnd, int OpenMark, int CloseMark, bool Single)
{
    /// <summary>
    /// Whether the region uses the article's secondary style: single marks where the article quotes in double
    /// ones (a scare quote or a name: ‘so-called’), or double marks where it quotes in single ones (British
    /// convention). Set by <see cref="PageFurnitureFinder"/>.
    /// </summary>
    public bool Secondary { get; init; }

    /// <summary>Speech ends with punctuation inside the marks ("…,", "….", "…?"); titles and names do not.</summary>
    public bool EndsLikeSpeech(string text)
        => text[ContentEnd - 1] is '.' or ',' or '?' or '!' or '…' or ';' or ':' or '-' or '—';
}
