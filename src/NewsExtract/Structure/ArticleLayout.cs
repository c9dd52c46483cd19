using NewsExtract.Internal;

namespace NewsExtract.Structure;

/// <summary>The block structure of an article: its title and paragraphs with their kinds.</summary>
internal sealed class ArticleLayout
{
    public ArticleLayout(TextSpan? title, Paragraph[] paragraphs)
    {
        Title = title;
        Paragraphs = paragraphs;
    }

    /// <summary>The layout of a text with no lines: no title, no paragraphs.</summary>
    public static ArticleLayout Empty { get; } = new(null, []);

    /// <summary>The title span (first non-empty line), if any.</summary>
    public TextSpan? Title { get; }

    /// <summary>All non-empty lines/blocks in text order, each with its kind.</summary>
    public Paragraph[] Paragraphs { get; }
}
