using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Internal;

/// <summary>
/// The working state of one analysis. Each pipeline stage reads what earlier stages produced and sets
/// its own layer exactly once; no stage changes an earlier layer. Lives for one call only.
/// </summary>
internal sealed class AnalysisDocument
{
    public AnalysisDocument(string text) => Text = text;

    public string Text { get; }

    public ArticleLayout Layout { get; set; } = new(null, []);

    public Token[] Tokens { get; set; } = [];

    public SentenceInfo[] Sentences { get; set; } = [];

    public MentionInfo[] Mentions { get; set; } = [];

    /// <summary>For each mention, the index into <see cref="Entities"/> of its entity.</summary>
    public int[] MentionEntity { get; set; } = [];

    public EntityInfo[] Entities { get; set; } = [];

    public Quote[] Quotes { get; set; } = [];

    /// <summary>Returns the index of the token that starts at or after <paramref name="offset"/>.</summary>
    public int TokenIndexAtOrAfter(int offset)
    {
        Token[] tokens = Tokens;
        int lo = 0;
        int hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
