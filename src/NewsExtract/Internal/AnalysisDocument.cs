using NewsExtract.Resolution;
using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Internal;

/// <summary>
/// The layers of one analysis, in pipeline order. Each stage reads the layers of earlier stages through
/// the get-only properties and returns its own layer, which the analyzer sets exactly once: a second
/// <c>Set</c> of the same layer throws <see cref="InvalidOperationException"/>, so no stage can replace an
/// earlier stage's output. A layer that was not computed (the options stopped the pipeline before it)
/// reads as empty. Lives for one call only.
/// </summary>
/// <remarks>
/// Layers are arrays for speed (stages index them in their inner loops); they belong to the stage that
/// made them and are never written after they are set. <c>AnalysisDocumentTests</c> checks that a full
/// analysis leaves every earlier layer exactly as its stage returned it.
/// </remarks>
internal sealed class AnalysisDocument
{
    private ArticleLayout? _layout;
    private Token[]? _tokens;
    private SentenceInfo[]? _sentences;
    private MentionInfo[]? _rawMentions;
    private ResolutionLayer? _resolution;
    private PageFurniture? _furniture;
    private Quote[]? _quotes;

    public AnalysisDocument(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    /// <summary>The analysed text; every offset of every layer points into it.</summary>
    public string Text { get; }

    /// <summary>Structure stage: title and paragraphs with their kinds.</summary>
    public ArticleLayout Layout => _layout ?? ArticleLayout.Empty;

    /// <summary>Tokenizer: the tokens of the whole text.</summary>
    public Token[] Tokens => _tokens ?? [];

    /// <summary>Sentence splitter: sentences with their token ranges and paragraphs.</summary>
    public SentenceInfo[] Sentences => _sentences ?? [];

    /// <summary>Entity recognizer: the tagger's mentions as it emitted them (custom names applied), before any cleaning.</summary>
    public MentionInfo[] RawMentions => _rawMentions ?? [];

    /// <summary>Resolution stage: cleaned mentions (each pointing back at its raw mention), their entities and roles.</summary>
    public ResolutionLayer Resolution => _resolution ?? ResolutionLayer.Empty;

    /// <summary>The resolved mentions (cleaned, typed by their entity), in text order: <see cref="ResolutionLayer.Mentions"/>.</summary>
    public MentionInfo[] Mentions => Resolution.Mentions;

    /// <summary>For each of <see cref="Mentions"/>, the index into <see cref="Entities"/> of its entity.</summary>
    public int[] MentionEntity => Resolution.MentionEntity;

    /// <summary>The entities, ordered by first mention: <see cref="ResolutionLayer.Entities"/>.</summary>
    public EntityInfo[] Entities => Resolution.Entities;

    /// <summary>Page-furniture stage: photo captions, quoted sub-headings, section labels and each paragraph's quoted stretches.</summary>
    public PageFurniture Furniture => _furniture ?? PageFurniture.Empty;

    /// <summary>Quote stage: quotations with cues and speakers, in text order.</summary>
    public Quote[] Quotes => _quotes ?? [];

    public void SetLayout(ArticleLayout layout) => SetOnce(ref _layout, layout, nameof(Layout));

    public void SetTokens(Token[] tokens) => SetOnce(ref _tokens, tokens, nameof(Tokens));

    public void SetSentences(SentenceInfo[] sentences) => SetOnce(ref _sentences, sentences, nameof(Sentences));

    public void SetRawMentions(MentionInfo[] mentions) => SetOnce(ref _rawMentions, mentions, nameof(RawMentions));

    public void SetResolution(ResolutionLayer resolution) => SetOnce(ref _resolution, resolution, nameof(Resolution));

    public void SetFurniture(PageFurniture furniture) => SetOnce(ref _furniture, furniture, nameof(Furniture));

    public void SetQuotes(Quote[] quotes) => SetOnce(ref _quotes, quotes, nameof(Quotes));

    /// <summary>Returns the index of the first token that starts at or after <paramref name="offset"/>.</summary>
    public int TokenIndexAtOrAfter(int offset) => SortedSearch.TokenAtOrAfter(Tokens, offset);

    private static void SetOnce<T>(ref T? slot, T value, string layer)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, layer);
        if (slot is not null)
        {
            throw new InvalidOperationException($"The {layer} layer of this analysis is already set; each layer is set once, by its own stage.");
        }

        slot = value;
    }
}
