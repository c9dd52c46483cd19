namespace NewsExtract.Rendering;

/// <summary>
/// How deep an element sits on the page: when spans overlap, a lower layer is always the outer element
/// (a mention inside a quote, a quote inside a paragraph), and the inner one is split at the boundary.
/// </summary>
internal enum MarkupLayer
{
    /// <summary>A paragraph, heading or other block.</summary>
    Block = 0,

    /// <summary>A quotation.</summary>
    Quote = 1,

    /// <summary>The speaker mention or cue of an attribution.</summary>
    Attribution = 2,

    /// <summary>An entity mention.</summary>
    Mention = 3,

    /// <summary>The (empty) place of a quote's speaker badge, innermost so it never splits anything.</summary>
    Badge = 4,
}
