using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Issues;

/// <summary>
/// Issue 8 regression: for every opening mark the quote finder scanned to the end of the sentence for
/// a closing one, so a sentence of unclosed opening marks took quadratic time (200,000 marks: about
/// 2 * 10^10 steps, minutes; now one pass). "Anna Lee said ..." is reported speech, so one quote may
/// cover the junk, but the unclosed marks must never explode into a quote each.
/// </summary>
public class UnclosedQuoteMarksTests
{
    [Theory]
    [InlineData("\u201C")]
    [InlineData("\u201C ")]
    [InlineData("\u201Cword ")]
    [InlineData("\u2018word ")]
    [InlineData("'word ")]
    public void Analyze_HundredsOfThousandsOfUnclosedMarks_AtMostOneQuoteAndValidOffsets(string unit)
    {
        string text = "Anna Lee said " + string.Concat(Enumerable.Repeat(unit, 200_000)) + " the end.";
        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken);
        OffsetInvariants.AssertValid(text, analysis);
        Assert.True(analysis.Quotes.Count <= 1, $"{analysis.Quotes.Count} quotes from unclosed marks");
    }
}
