using NewsExtract.Training.Evaluation;

namespace NewsExtract.Tests.Evaluation;

public class QuoteStyleRewriterTests
{
    [Fact]
    public void ToSingleMarks_CurlyDoubleQuote_BecomesCurlySingle()
        => Assert.Equal("\u2018We won,\u2019 she said.", QuoteStyleRewriter.ToSingleMarks("\u201CWe won,\u201D she said."));

    [Fact]
    public void ToSingleMarks_StraightDoubleQuote_BecomesStraightSingle()
        => Assert.Equal("'We won,' she said.", QuoteStyleRewriter.ToSingleMarks("\"We won,\" she said."));

    [Fact]
    public void ToSingleMarks_NestedCurlySingle_BecomesDouble()
        => Assert.Equal("\u2018He told me \u201Cnever again\u201D and left,\u2019 she said.",
            QuoteStyleRewriter.ToSingleMarks("\u201CHe told me \u2018never again\u2019 and left,\u201D she said."));

    [Fact]
    public void ToSingleMarks_ApostrophesInsideNestedQuote_StayApostrophes()
        => Assert.Equal("\u2018She said \u201Cwe don\u2019t\u201D today.\u2019",
            QuoteStyleRewriter.ToSingleMarks("\u201CShe said \u2018we don\u2019t\u2019 today.\u201D"));

    [Fact]
    public void ToSingleMarks_ApostrophesAndSingleMarksOutsideQuotes_AreKept()
    {
        const string text = "The players\u2019 union said it won\u2019t sign the \u2018so-called\u2019 deal in the '90s.";
        Assert.Equal(text, QuoteStyleRewriter.ToSingleMarks(text));
    }

    [Fact]
    public void ToSingleMarks_NestingEndsAtTheParagraph_AndLengthIsKept()
    {
        const string text = "\u201CUnclosed \u2018a\n\u2018b\u2019 he said.";
        string rewritten = QuoteStyleRewriter.ToSingleMarks(text);
        Assert.Equal(text.Length, rewritten.Length);
        Assert.Equal("\u2018Unclosed \u201Ca\n\u2018b\u2019 he said.", rewritten);
    }
}
