using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Structure;

/// <summary>The page-furniture layer: photo captions, quoted sub-headings and section labels are found in Structure.</summary>
public sealed class PageFurnitureFinderTests
{
    private static (string Text, ArticleLayout Layout, PageFurniture Furniture) Find(string text)
    {
        ArticleLayout layout = new ArticleStructureParser().Parse(text);
        return (text, layout, new PageFurnitureFinder().Find(text, layout, TextTokenizer.Tokenize(text)));
    }

    private static int ParagraphAt(ArticleLayout layout, string text, string start)
        => Array.FindIndex(layout.Paragraphs, p => text.AsSpan(p.Start).StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void A_paragraph_ending_in_a_bracketed_credit_is_a_photo_caption()
    {
        (string text, ArticleLayout layout, PageFurniture furniture) = Find(
            "Storm hits coast\n\nThe storm reached the coast on Monday, officials said.\n\nWaves break over the pier in Dover. (Jane Doe/The Courier)\n\nResidents were told to stay inside.");
        Assert.True(furniture.IsPhotoCaption(ParagraphAt(layout, text, "Waves")));
        Assert.False(furniture.IsPhotoCaption(ParagraphAt(layout, text, "The storm")));
        Assert.Empty(furniture.QuoteRegions(ParagraphAt(layout, text, "Waves")));
    }

    [Fact]
    public void A_paragraph_that_is_only_a_short_quoted_phrase_is_a_heading_and_a_quote_that_ends_like_speech_is_not()
    {
        (string text, ArticleLayout layout, PageFurniture furniture) = Find(
            "Life on the ship\n\nThe crew spent nine weeks at sea.\n\n\u201CHard to be in such close quarters\u201D\n\nShe laughed.\n\n\u201CWe made it work.\u201D\n\nThe ship docked on Friday.");
        int heading = ParagraphAt(layout, text, "\u201CHard");
        int speech = ParagraphAt(layout, text, "\u201CWe made");
        Assert.True(furniture.IsQuotedHeading(heading, Assert.Single(furniture.QuoteRegions(heading))));
        Assert.False(furniture.IsQuotedHeading(speech, Assert.Single(furniture.QuoteRegions(speech))));
    }

    [Fact]
    public void An_all_capitals_word_before_a_colon_opens_a_label_and_a_short_or_late_one_does_not()
    {
        string text = "WATCH: Mayor says the bridge will reopen. The US: a long story. He said three things: yes, no, maybe.";
        Token[] tokens = TextTokenizer.Tokenize(text);
        PageFurniture furniture = new PageFurnitureFinder().Find(text, new ArticleStructureParser().Parse(text), tokens);
        int us = Array.FindIndex(tokens, t => text.AsSpan(t.Start, t.Length) is "US");
        int things = Array.FindIndex(tokens, t => text.AsSpan(t.Start, t.Length) is "things");
        Assert.True(furniture.OpensWithLabel(0, tokens.Length));
        Assert.False(furniture.OpensWithLabel(0, 1)); // the colon must be inside the range
        Assert.False(furniture.OpensWithLabel(us - 1, tokens.Length)); // "US" is too short to be a label
        Assert.False(furniture.OpensWithLabel(things - 2, tokens.Length)); // lower case
    }
}
