using NewsExtract.Internal;
using NewsExtract.Resolution;
using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Quotes;

/// <summary>
/// The earlier layers the quote stage reads, by name and get-only: text, layout, tokens, sentences, the
/// resolution layer (cleaned mentions, their entities) and the page furniture. The stage never sees the
/// whole <see cref="AnalysisDocument"/>, so it can neither set a layer nor read one it does not declare.
/// </summary>
internal sealed class QuoteLayers
{
    public QuoteLayers(string text, ArticleLayout layout, Token[] tokens, SentenceInfo[] sentences, ResolutionLayer resolution, PageFurniture furniture)
    {
        Text = text;
        Layout = layout;
        Tokens = tokens;
        Sentences = sentences;
        Resolution = resolution;
        Furniture = furniture;
    }

    /// <summary>The analysed text.</summary>
    public string Text { get; }

    /// <summary>Structure stage: title and paragraphs.</summary>
    public ArticleLayout Layout { get; }

    /// <summary>Tokenizer: the tokens of the whole text.</summary>
    public Token[] Tokens { get; }

    /// <summary>Sentence splitter: the sentences.</summary>
    public SentenceInfo[] Sentences { get; }

    /// <summary>Resolution stage: cleaned mentions, their entities and roles.</summary>
    public ResolutionLayer Resolution { get; }

    /// <summary>Page-furniture stage: captions, quoted sub-headings, labels, quoted stretches.</summary>
    public PageFurniture Furniture { get; }

    /// <summary>The resolved mentions in text order.</summary>
    public MentionInfo[] Mentions => Resolution.Mentions;

    /// <summary>For each of <see cref="Mentions"/>, the index into <see cref="Entities"/> of its entity.</summary>
    public int[] MentionEntity => Resolution.MentionEntity;

    /// <summary>The entities, ordered by first mention.</summary>
    public EntityInfo[] Entities => Resolution.Entities;

    /// <summary>The layers of an analysis the quote stage reads.</summary>
    public static QuoteLayers Of(AnalysisDocument document)
        => new(document.Text, document.Layout, document.Tokens, document.Sentences, document.Resolution, document.Furniture);

    /// <summary>Returns the index of the first token that starts at or after <paramref name="offset"/>.</summary>
    public int TokenIndexAtOrAfter(int offset) => SortedSearch.TokenAtOrAfter(Tokens, offset);
}
