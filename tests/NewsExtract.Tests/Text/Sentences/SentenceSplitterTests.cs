using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Text.Sentences;

public sealed class SentenceSplitterTests
{
    private static string[] SplitPlain(string text) => Texts(text, PlainTextLayout.Create(text));

    private static string[] SplitArticle(string text) => Texts(text, new ArticleStructureParser().Parse(text));

    private static string[] Texts(string text, ArticleLayout layout)
    {
        SentenceInfo[] sentences = new SentenceSplitter().Split(text, TextTokenizer.Tokenize(text), layout);
        return Array.ConvertAll(sentences, s => text[s.Start..s.End]);
    }

    [Fact]
    public void Split_PeriodQuestionExclamation_EndSentences()
        => Assert.Equal(
            ["The talks failed.", "Why?", "Nobody knows!", "Officials will meet again."],
            SplitPlain("The talks failed. Why? Nobody knows! Officials will meet again."));

    [Fact]
    public void Split_ClosingQuoteAfterPeriod_StaysInSentence()
        => Assert.Equal(
            ["\u201CThe deal is done.\u201D", "He said it twice."],
            SplitPlain("\u201CThe deal is done.\u201D He said it twice."));

    [Fact]
    public void Split_StraightQuotesAndBrackets_StayInSentence()
        => Assert.Equal(
            ["She wrote: \"We won.\"", "(The count is final.)", "Then she left."],
            SplitPlain("She wrote: \"We won.\" (The count is final.) Then she left."));

    [Fact]
    public void Split_QuotedQuestionFollowedByLowerCase_DoesNotEnd()
        => Assert.Equal(
            ["\u201CWhere is the money?\u201D he asked."],
            SplitPlain("\u201CWhere is the money?\u201D he asked."));

    [Fact]
    public void Split_AbbreviationsAndInitials_AreNotEnds()
        => Assert.Equal(
            ["Dr. J. R. Smith of Acme Corp. met Gov. Brown on Jan. 5 in Washington."],
            SplitPlain("Dr. J. R. Smith of Acme Corp. met Gov. Brown on Jan. 5 in Washington."));

    [Fact]
    public void Split_AbbreviationAtSentenceEnd_EndsBeforeClearStart()
        => Assert.Equal(
            ["Troops returned to the U.S.", "They landed at dawn."],
            SplitPlain("Troops returned to the U.S. They landed at dawn."));

    [Fact]
    public void Split_NeverCrossesParagraphs()
        => Assert.Equal(
            ["A first paragraph without a period", "A second one."],
            SplitPlain("A first paragraph without a period\n\nA second one."));

    [Fact]
    public void Split_HeadingLine_IsItsOwnSentence()
    {
        const string text = "Storm hits the coast\nThousands lost power on Monday. Crews are working.\nWhat happens next\nForecasters expect calm weather.";
        Assert.Equal(
            ["Storm hits the coast", "Thousands lost power on Monday.", "Crews are working.", "What happens next", "Forecasters expect calm weather."],
            SplitArticle(text));
    }

    [Fact]
    public void Split_ListItemsInOneBlock_SplitPerItem()
        => Assert.Equal(
            ["The plan has three parts:", "- new roads", "- more buses", "- lower fares"],
            SplitPlain("The plan has three parts:\n- new roads\n- more buses\n- lower fares"));

    [Fact]
    public void Split_BoilerplateParagraph_YieldsNoSentence()
    {
        const string text = "Title of the story\nThe mayor resigned on Friday.\nShare this article on Facebook.";
        Assert.Equal(["Title of the story", "The mayor resigned on Friday."], SplitArticle(text));
    }

    [Fact]
    public void Split_LetterGreetingAndSignOff_AreOwnSentences()
        => Assert.Equal(
            ["Dear Ms. Chen,", "The board has approved the plan.", "Best regards,", "Tom Walker"],
            SplitPlain("Dear Ms. Chen, The board has approved the plan. Best regards, Tom Walker"));

    [Fact]
    public void Split_CommaAfterOrdinaryOpening_DoesNotEnd()
        => Assert.Equal(
            ["Thanks to the rain, Paris stayed cool."],
            SplitPlain("Thanks to the rain, Paris stayed cool."));

    [Fact]
    public void Split_InformalLowerCaseStart_Ends()
        => Assert.Equal(["i called you.", "no answer."], SplitPlain("i called you. no answer."));
}
