namespace NewsExtract.Structure;

/// <summary>
/// The page-furniture layer: what of an article's layout is not running text even where it looks like
/// speech: photo captions (a paragraph ending in a credit such as "(Jane Doe/CBC)"), sub-headings made of
/// a quoted phrase ('Hard to be in such close quarters') and section or link labels ("WATCH:",
/// "ANALYSIS:"). It also holds each paragraph's top-level quoted stretches (<see cref="QuoteMarkScanner"/>),
/// found once here and read by the quote stage. Made by <see cref="PageFurnitureFinder"/>; immutable.
/// </summary>
internal sealed class PageFurniture
{
    private readonly bool[] _photoCaptions;
    private readonly int[] _quotedHeadingStarts;
    private readonly QuoteRegion[][] _quoteRegions;
    private readonly int[] _labelTokens;

    public PageFurniture(bool[] photoCaptions, int[] quotedHeadingStarts, QuoteRegion[][] quoteRegions, int[] labelTokens)
    {
        _photoCaptions = photoCaptions;
        _quotedHeadingStarts = quotedHeadingStarts;
        _quoteRegions = quoteRegions;
        _labelTokens = labelTokens;
    }

    /// <summary>The furniture of a text with no paragraphs and no tokens.</summary>
    public static PageFurniture Empty { get; } = new([], [], [], []);

    /// <summary>Whether a paragraph is a photo caption (it ends in a bracketed credit with a slash).</summary>
    public bool IsPhotoCaption(int paragraph) => _photoCaptions[paragraph];

    /// <summary>
    /// Whether a quoted stretch of a paragraph is a sub-heading: the paragraph is only that short quoted
    /// phrase (ten words at most), without the final punctuation speech has.
    /// </summary>
    public bool IsQuotedHeading(int paragraph, QuoteRegion region) => _quotedHeadingStarts[paragraph] == region.ContentStart;

    /// <summary>The top-level quoted stretches of a paragraph in text order (none for boilerplate and photo captions).</summary>
    public IReadOnlyList<QuoteRegion> QuoteRegions(int paragraph) => _quoteRegions[paragraph];

    /// <summary>
    /// Whether the token range <c>first..end-1</c> opens with a section or link label: one of its first three
    /// tokens is an all-capitals word of three or more characters followed, inside the range, by a colon
    /// ("WATCH: Sanders says …").
    /// </summary>
    public bool OpensWithLabel(int first, int end)
    {
        int limit = Math.Min(first + 3, end - 1);
        int i = Array.BinarySearch(_labelTokens, first);
        if (i < 0)
        {
            i = ~i;
        }

        return i < _labelTokens.Length && _labelTokens[i] < limit;
    }
}
