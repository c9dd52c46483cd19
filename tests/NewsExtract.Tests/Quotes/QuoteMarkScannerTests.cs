using NewsExtract.Structure;

namespace NewsExtract.Tests.Quotes;

public class QuoteMarkScannerTests
{
    private static List<string> Contents(string text)
        => QuoteMarkScanner.Scan(text, 0, text.Length).Select(r => text[r.ContentStart..r.ContentEnd]).ToList();

    [Fact]
    public void Scan_CurlyQuotes_PairsThem()
        => Assert.Equal(["We will win,"], Contents("\u201CWe will win,\u201D she said."));

    [Fact]
    public void Scan_StraightQuotes_InfersDirection()
        => Assert.Equal(["Yes,", "no."], Contents("\"Yes,\" he said. \"no.\""));

    [Fact]
    public void Scan_Guillemets_PairsThem()
        => Assert.Equal(["Bonjour"], Contents("Il a dit \u00ABBonjour\u00BB hier."));

    [Fact]
    public void Scan_NestedSingleQuotes_StayInsideTheOuterQuote()
        => Assert.Equal(["He told me \u2018never again\u2019 and left."], Contents("\u201CHe told me \u2018never again\u2019 and left.\u201D"));

    [Fact]
    public void Scan_Apostrophes_AreNeverQuoteMarks()
        => Assert.Empty(Contents("Russia\u2019s demands and the players\u2019 union don\u2019t matter, O'Brien's dog."));

    [Fact]
    public void Scan_UnclosedQuote_EndsAtTheParagraphEnd()
    {
        const string text = "Intro. \u201CThis never closes";
        List<QuoteRegion> regions = QuoteMarkScanner.Scan(text, 0, text.Length);
        QuoteRegion region = Assert.Single(regions);
        Assert.Equal(-1, region.CloseMark);
        Assert.Equal("This never closes", text[region.ContentStart..region.ContentEnd]);
    }

    [Fact]
    public void Scan_SecondOpeningMarkBeforeClosing_EndsTheFirstQuote()
        => Assert.Equal(["First part.", "Second part."], Contents("\u201CFirst part. \u201CSecond part.\u201D"));

    [Fact]
    public void Scan_StraightMarkAfterSentenceEndBeforeCapital_OpensTheNextParagraphOfTheQuote()
        => Assert.Equal(["I will accept the ruling gladly.", "A trial means the case will be cleared."],
            Contents("She said: \"I will accept the ruling gladly. \"A trial means the case will be cleared.\" Then she left."));

    [Fact]
    public void Scan_StraightMarkInsideASentence_StillClosesTheQuote()
        => Assert.Equal(["The sign said"],
            Contents("\"The sign said \"Keep out\", and we left.\""));

    [Fact]
    public void Scan_UnclosedSingleQuote_IsDropped()
        => Assert.Empty(Contents("The \u2018so-called plan was late."));

    [Fact]
    public void Scan_RangeOnly_DoesNotLookOutsideIt()
    {
        const string text = "\u201COutside\u201D and inside \u201Cquoted\u201D";
        List<QuoteRegion> regions = QuoteMarkScanner.Scan(text, 10, text.Length);
        Assert.Equal("quoted", text[regions.Single().ContentStart..regions.Single().ContentEnd]);
    }

    // British convention: single marks for quotes, double marks nested inside them.
    [Fact]
    public void Scan_StraightSingleQuotesClosingAfterPunctuation_PairThem()
        => Assert.Equal(["We are doing everything we can to help families,", "But prices will stay high."],
            Contents("'We are doing everything we can to help families,' she told reporters. 'But prices will stay high.'"));

    [Fact]
    public void Scan_CurlySingleQuoteWithNestedDoubles_IsOneQuote()
        => Assert.Equal(["He called it \u201Ca farce\u201D, and left,"], Contents("\u2018He called it \u201Ca farce\u201D, and left,\u2019 she said."));

    [Fact]
    public void Scan_StraightDoubleNestedInStraightSingle_IsOneQuote()
        => Assert.Equal(["He called it \"a farce\","], Contents("'He called it \"a farce\",' she said."));

    [Fact]
    public void Scan_ApostrophesInsideASingleQuote_AreNotMarks()
        => Assert.Equal(["We don't want rock 'n' roll from the '90s,"],
            Contents("'We don't want rock 'n' roll from the '90s,' said O'Neill of the players' union."));

    [Fact]
    public void Scan_CurlyApostrophesInsideASingleQuote_AreNotMarks()
        => Assert.Equal(["Brind\u2019Amour played in the \u201990s for the players\u2019 union,"],
            Contents("\u2018Brind\u2019Amour played in the \u201990s for the players\u2019 union,\u2019 he said."));

    [Fact]
    public void Scan_ElisionOpeningInsideASingleQuote_ClosesAtTheLastMark()
        => Assert.Equal(["We saw 'em go,"], Contents("'We saw 'em go,' she said."));

    [Fact]
    public void Scan_SingleClosingMarkAfterASpacedNestedQuote_ClosesTheQuote()
        => Assert.Equal(["They say, \u201CMaybe I can too!\u201D", "Yes."],
            Contents("\u2018They say, \u201CMaybe I can too!\u201D \u2019 It works. \u2018Yes.\u2019 she said."));

    [Fact]
    public void Scan_UnclosedSingleQuote_RunsToTheParagraphEndWhenTheNextParagraphOpensWithAMark()
    {
        const string text = "She said: \u2018We will hire more nurses.\n\n\u2018And build two hospitals,\u2019 she said.";
        int end = text.IndexOf('\n', StringComparison.Ordinal);
        Assert.True(QuoteMarkScanner.OpensWithSingleMark(text, end + 2, text.Length));
        QuoteRegion region = Assert.Single(QuoteMarkScanner.Scan(text, 0, end, nextOpensSingle: true));
        Assert.Equal(-1, region.CloseMark);
        Assert.Equal("We will hire more nurses.", text[region.ContentStart..region.ContentEnd]);
        Assert.Empty(QuoteMarkScanner.Scan(text, 0, end, nextOpensSingle: false));
    }

    [Fact]
    public void Scan_UnclosedSingleQuoteOpeningTheParagraph_RunsToItsEnd()
    {
        const string text = "\u2018We will hire more nurses.";
        QuoteRegion region = Assert.Single(QuoteMarkScanner.Scan(text, 0, text.Length));
        Assert.Equal(-1, region.CloseMark);
    }

    [Fact]
    public void Scan_UnclosedSingleMarkBeforeADoubleQuote_DoesNotSwallowIt()
        => Assert.Equal(["We will fight it,"], Contents("The \u2018so-called plan drew anger. \u201CWe will fight it,\u201D he said."));

    [Fact]
    public void Scan_ManyUnclosedSingleMarks_StaysLinearAndFindsNothing()
    {
        string text = "Anna Lee said " + string.Concat(Enumerable.Repeat("'word ", 100_000));
        Assert.Empty(QuoteMarkScanner.Scan(text, 0, text.Length));
    }

    [Fact]
    public void Scan_PossessiveLookingMarkWhenTheQuoteClosesNowhereElse_ClosesIt()
        => Assert.Equal(["tremendous influence on what happens", "I don\u2019t want to think about that."],
            Contents("She said the public has \u2018tremendous influence on what happens\u2019 in Washington. And then? \u2018I don\u2019t want to think about that.\u2019"));

    [Fact]
    public void Scan_PluralPossessiveInsideAClosedSingleQuote_IsNoMark()
        => Assert.Equal(["The players\u2019 union will strike,"], Contents("\u2018The players\u2019 union will strike,\u2019 he said."));
}
