using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Issues;

/// <summary>
/// Issue 8 regression: with stray or doubled marks inside a pair, the quote span started or ended
/// on a quote mark, breaking the contract rule that quote spans exclude the marks. Found by the
/// property tests (inputs shrunk by CsCheck).
/// </summary>
public class QuoteSpanEdgeMarkTests
{
    private static readonly ArticleAnalyzer s_analyzer = ArticleAnalyzer.CreateDefault();

    [Theory]
    [InlineData("\u201E;\u201E\u2019!")]
    [InlineData("\u2018\u201C\u000B>2HkxipU said.")]
    [InlineData("Anna Lee said \u201C\u201CWords here.\u201D")]
    [InlineData("\u201CWords here.\u00BB\u201D said Anna Lee.")]
    [InlineData("\u201C\u201C\u201D\u201D")]
    public void Analyze_StrayMarksInsidePair_QuoteExcludesMarks(string text)
    {
        ArticleAnalysis analysis = s_analyzer.Analyze(text, TestContext.Current.CancellationToken);
        OffsetInvariants.AssertValid(text, analysis);
    }

    [Fact]
    public void Analyze_DoubledOpeningMark_KeepsTheWords()
    {
        const string Text = "Anna Lee said \u201C\u201CWords here.\u201D";
        ArticleAnalysis analysis = s_analyzer.Analyze(Text, TestContext.Current.CancellationToken);
        Quote quote = Assert.Single(analysis.Quotes);
        Assert.Equal("Words here.", quote.Text);
    }
}
