using NewsExtract.Internal;
using NewsExtract.Resolution;
using NewsExtract.Structure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Resolution;

/// <summary>Builds a pipeline document with hand-placed mentions, for testing resolution rules alone.</summary>
internal static class TestDocuments
{
    /// <summary>Raw (tagger) mentions are (surface, type, confidence), located in text order.</summary>
    public static AnalysisDocument Create(string text, params (string Surface, EntityType Type, float Confidence)[] mentions)
        => Create(text, static m => m, mentions);

    /// <summary>As <see cref="Create(string, ValueTuple{string, EntityType, float}[])"/>, with each raw mention passed through <paramref name="adjust"/>.</summary>
    public static AnalysisDocument Create(string text, Func<MentionInfo, MentionInfo> adjust, params (string Surface, EntityType Type, float Confidence)[] mentions)
    {
        var document = new AnalysisDocument(text);
        document.SetLayout(new ArticleStructureParser().Parse(text));
        document.SetTokens(TextTokenizer.Tokenize(text));
        document.SetSentences(new SentenceSplitter().Split(text, document.Tokens, document.Layout));
        var list = new MentionInfo[mentions.Length];
        int from = 0;
        for (int i = 0; i < mentions.Length; i++)
        {
            int start = text.IndexOf(mentions[i].Surface, from, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{mentions[i].Surface}' not in the text after {from}");
            int end = start + mentions[i].Surface.Length;
            int first = document.TokenIndexAtOrAfter(start);
            int last = first;
            while (last < document.Tokens.Length && document.Tokens[last].Start < end)
            {
                last++;
            }

            list[i] = adjust(new MentionInfo(start, end, first, last - first, mentions[i].Type, mentions[i].Confidence));
            from = end;
        }

        document.SetRawMentions(list);
        return document;
    }

    /// <summary>Runs the resolution stage on the document's raw mentions and sets its layer.</summary>
    public static AnalysisDocument Resolve(AnalysisDocument document)
    {
        document.SetResolution(new EntityResolver().Resolve(document.Text, document.Layout, document.Tokens, document.Sentences, document.RawMentions));
        return document;
    }

    public static string Surface(AnalysisDocument document, MentionInfo mention) => document.Text[mention.Start..mention.End];
}
