using NewsExtract.Entities;
using NewsExtract.Internal;
using NewsExtract.Resolution;
using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Internal;

/// <summary>The pipeline contract: every layer is set once, and no stage changes a layer an earlier stage returned.</summary>
public sealed class AnalysisDocumentTests
{
    public static TheoryData<string> Layers() => ["Layout", "Tokens", "Sentences", "RawMentions", "Resolution", "Furniture", "Quotes"];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Set_SameLayerTwice_ThrowsInvalidOperation(string layer)
    {
        var document = new AnalysisDocument("Text.");
        Action set = layer switch
        {
            "Layout" => () => document.SetLayout(ArticleLayout.Empty),
            "Tokens" => () => document.SetTokens([]),
            "Sentences" => () => document.SetSentences([]),
            "RawMentions" => () => document.SetRawMentions([]),
            "Resolution" => () => document.SetResolution(ResolutionLayer.Empty),
            "Furniture" => () => document.SetFurniture(PageFurniture.Empty),
            "Quotes" => () => document.SetQuotes([]),
            _ => throw new ArgumentOutOfRangeException(nameof(layer)),
        };

        set();
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(set);
        Assert.Contains(layer, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsetLayers_ReadAsEmpty()
    {
        var document = new AnalysisDocument("Text.");
        Assert.Null(document.Layout.Title);
        Assert.Empty(document.Layout.Paragraphs);
        Assert.Empty(document.Tokens);
        Assert.Empty(document.Sentences);
        Assert.Empty(document.RawMentions);
        Assert.Empty(document.Mentions);
        Assert.Empty(document.MentionEntity);
        Assert.Empty(document.Entities);
        Assert.Empty(document.Quotes);
    }

    [Fact]
    public void RunStages_Full_LeavesEveryEarlierLayerAsItsStageReturnedIt()
    {
        string text = ArticleAnalyzer.GetSampleArticle();
        CancellationToken token = TestContext.Current.CancellationToken;
        AnalysisDocument full = ArticleAnalyzer.CreateDefault().RunStages(text, token);
        AnalysisDocument upToSentences = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { Stages = AnalysisStages.Tokens }).RunStages(text, token);
        AnalysisDocument upToEntities = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { Stages = AnalysisStages.Entities }).RunStages(text, token);
        Assert.NotEmpty(full.Quotes);
        Assert.NotEmpty(full.Entities);

        // Structure, tokens and sentences as they are when nothing runs after them.
        Assert.Equal(upToSentences.Layout.Title, full.Layout.Title);
        Assert.Equal(upToSentences.Layout.Paragraphs, full.Layout.Paragraphs);
        Assert.Equal(upToSentences.Tokens, full.Tokens);
        Assert.Equal(upToSentences.Sentences, full.Sentences);

        // The tagger's mentions as the recognizer returns them, before resolution ran.
        Assert.Equal(new EntityRecognizer().Recognize(upToSentences.Text, upToSentences.Layout, upToSentences.Tokens, upToSentences.Sentences), full.RawMentions);
        Assert.Empty(upToSentences.Mentions);

        // The resolution layer as it is when the quote stage does not run.
        Assert.Equal(upToEntities.Resolution.Cleaned, full.Resolution.Cleaned);
        Assert.Equal(upToEntities.Mentions, full.Mentions);
        Assert.Equal(upToEntities.MentionEntity, full.MentionEntity);
        Assert.Equal(upToEntities.Entities.Length, full.Entities.Length);
        for (int e = 0; e < full.Entities.Length; e++)
        {
            EntityInfo a = upToEntities.Entities[e];
            EntityInfo b = full.Entities[e];
            Assert.Equal((a.Id, a.Type, a.Name, a.Gender), (b.Id, b.Type, b.Name, b.Gender));
            Assert.Equal(a.Aliases, b.Aliases);
            Assert.Equal(a.Mentions, b.Mentions);
            Assert.Equal(a.Roles, b.Roles);
            Assert.Equal(a.RoleHeads, b.RoleHeads);
        }
    }

    [Fact]
    public void Resolution_RefersToTheRawMentionsItCameFrom()
    {
        AnalysisDocument document = ArticleAnalyzer.CreateDefault().RunStages(ArticleAnalyzer.GetSampleArticle(), TestContext.Current.CancellationToken);
        Assert.NotEmpty(document.Mentions);
        for (int m = 0; m < document.Mentions.Length; m++)
        {
            MentionInfo raw = document.RawMentions[document.Resolution.Cleaned[m].RawMention];
            MentionInfo mention = document.Mentions[m];
            Assert.True(raw.Start <= mention.Start && mention.End <= raw.End, $"mention {m} lies outside its raw mention");
        }
    }
}
