namespace NewsExtract.Tests.Structure;

/// <summary>End to end: page furniture yields no sentences, mentions or quotes, and offsets stay in the original text.</summary>
public class BoilerplateOutputTests
{
    [Fact]
    public void Analyze_PageWithFurniture_NothingFromFurniture()
    {
        const string Text =
            "Storm Batters Coast\n\n" +
            "Storm Batters Coast\n\n" +
            "Mayor Anna Smith said Lisbon would reopen its port on Friday.\n\n" +
            "Source: Reuters Lisbon\n\n" +
            "Leave a Reply\n\n" +
            "Latest Posts\n\n" +
            "Madrid Votes \u201CYes\u201D On Budget\n\n" +
            "Paris Mayor Resigns";
        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(Text, TestContext.Current.CancellationToken);
        int furnitureStart = Text.IndexOf("Source:", StringComparison.Ordinal);
        int repeatedTitleEnd = Text.IndexOf("Mayor", StringComparison.Ordinal);
        Assert.All(analysis.Mentions, m => Assert.True(m.End <= furnitureStart && (m.Start < 19 || m.Start >= repeatedTitleEnd), m.Text));
        Assert.All(analysis.Sentences, s => Assert.True(s.End <= furnitureStart));
        Assert.All(analysis.Quotes, q => Assert.True(q.End <= furnitureStart));
        Assert.Contains(analysis.Paragraphs, p => p.Kind == ParagraphKind.Boilerplate && Text[p.Start..p.End] == "Paris Mayor Resigns");
        Infrastructure.OffsetInvariants.AssertValid(Text, analysis);
    }
}
