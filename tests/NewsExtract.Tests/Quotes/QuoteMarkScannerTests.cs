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
    public void Scan_UnclosedSingleQuote_IsDropped()
        => Assert.Empty(Contents("The \u2018so-called plan was late."));

    [Fact]
    public void Scan_RangeOnly_DoesNotLookOutsideIt()
    {
        const string text = "\u201COutside\u201D and inside \u201Cquoted\u201D";
        List<QuoteRegion> regions = QuoteMarkScanner.Scan(text, 10, text.Length);
        Assert.Equal("quoted", text[regions.Single().ContentStart..regions.Single().ContentEnd]);
    }
}
