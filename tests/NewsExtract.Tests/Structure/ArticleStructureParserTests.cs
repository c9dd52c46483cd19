using System.Text.Json;
using CsCheck;
using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Structure;

public class ArticleStructureParserTests
{
    private readonly ArticleStructureParser _parser = new();

    [Fact]
    public void Parse_ScrapedPage_TitleHeadingsBodyAndFurniture()
    {
        const string Text =
            "Floods close roads across the north\n\n" +
            "Floods close roads across  the north\n\n" +
            "Heavy rain closed dozens of roads on Tuesday, officials said.\n\n" +
            "Background\n\n" +
            "The region has seen three floods this year.\n\n" +
            "Image credit: Jane Doe\n\n" +
            "Share this:\n\n" +
            "Post a comment\n\n" +
            "Your email address will not be published. Required fields are marked *\n\n" +
            "You may also like\n\n" +
            "Markets rally as inflation cools\n\n" +
            "Council approves new budget";
        Paragraph[] paragraphs = _parser.Parse(Text).Paragraphs;
        Assert.Equal(
            [
                ParagraphKind.Title, ParagraphKind.Title, ParagraphKind.Body, ParagraphKind.Heading, ParagraphKind.Body,
                ParagraphKind.Boilerplate, ParagraphKind.Boilerplate, ParagraphKind.Boilerplate, ParagraphKind.Boilerplate,
                ParagraphKind.Boilerplate, ParagraphKind.Boilerplate, ParagraphKind.Boilerplate,
            ],
            paragraphs.Select(p => p.Kind));
    }

    [Fact]
    public void Parse_Title_IsFirstLine()
    {
        const string Text = "  Storm hits coast \r\nBody text here.";
        ArticleLayout layout = _parser.Parse(Text);
        Assert.Equal(new TextSpan(2, 18), layout.Title);
    }

    [Fact]
    public void Parse_LeadingNavigation_TitleIsFirstStoryLine()
    {
        ArticleLayout layout = _parser.Parse("Skip to content\nStorm hits coast\nBody text here.");
        Assert.Equal(ParagraphKind.Boilerplate, layout.Paragraphs[0].Kind);
        Assert.Equal("Storm hits coast", "Skip to content\nStorm hits coast\nBody text here."[layout.Title!.Value.Start..layout.Title.Value.End]);
    }

    [Theory]
    [InlineData("Related talks were held in Vienna on Monday.")]
    [InlineData("Comments by the minister drew criticism from the opposition.")]
    [InlineData("Subscribers to the service will pay more from January.")]
    [InlineData("Source code for the app was leaked, the company said.")]
    public void Parse_SentenceOpeningWithFurnitureWord_IsBody(string line)
        => Assert.Equal(ParagraphKind.Body, _parser.Parse("Title\n" + line).Paragraphs[1].Kind);

    [Theory]
    [InlineData("Related")]
    [InlineData("Related:")]
    [InlineData("Source From: Ambito")]
    [InlineData("Source: Reuters")]
    [InlineData("Leave a Reply")]
    [InlineData("Latest Posts")]
    [InlineData("Advertisement")]
    [InlineData("We use cookies to improve your experience. By continuing you accept them.")]
    [InlineData("Subscribe to our newsletter")]
    [InlineData("Copyright \u00A9 2024 Example Media. All rights reserved.")]
    [InlineData("Follow us on Twitter")]
    public void Parse_FurnitureLine_IsBoilerplate(string line)
        => Assert.Equal(ParagraphKind.Boilerplate, _parser.Parse("Title\n" + line).Paragraphs[1].Kind);

    [Theory]
    [InlineData("History", true)]
    [InlineData("What happens next", true)]
    [InlineData("The talks failed.", false)]
    [InlineData("\u201CWe will fight,\u201D he said", false)]
    [InlineData("lowercase line without end", false)]
    [InlineData("This line has far too many words to be a section heading of any news article at all", false)]
    public void IsHeading_ShortLineWithoutFinalPunctuation(string line, bool expected)
        => Assert.Equal(expected, ArticleStructureParser.IsHeading(line));

    [Fact]
    public void Parse_RelatedLinksMidStory_StoryResumesWithNextParagraph()
    {
        const string Text = "Storm hits coast\nThe storm hit the coast on Monday.\nRelated\nFloods close roads in the north\n"
            + "Officials said on Tuesday that more than two hundred homes had been damaged along the coast by the storm.";
        Paragraph[] paragraphs = _parser.Parse(Text).Paragraphs;
        Assert.Equal([ParagraphKind.Title, ParagraphKind.Body, ParagraphKind.Boilerplate, ParagraphKind.Boilerplate, ParagraphKind.Body], paragraphs.Select(p => p.Kind));
    }

    [Fact]
    public void Parse_StoryListMarkerAboveTheStory_OnlyItsOwnLine()
    {
        Paragraph[] paragraphs = _parser.Parse("Latest Posts\nStorm hits coast\nThe storm hit the coast on Monday.").Paragraphs;
        Assert.Equal([ParagraphKind.Boilerplate, ParagraphKind.Title, ParagraphKind.Body], paragraphs.Select(p => p.Kind));
    }

    [Fact]
    public void Parse_LongParagraphAfterCommentForm_EndsFurniture()
    {
        string longParagraph = string.Join(' ', Enumerable.Repeat("word", 45)) + ".";
        Paragraph[] paragraphs = _parser.Parse("Title\nStory text.\nLeave a Reply\nName\n" + longParagraph).Paragraphs;
        Assert.Equal([ParagraphKind.Title, ParagraphKind.Body, ParagraphKind.Boilerplate, ParagraphKind.Boilerplate, ParagraphKind.Body], paragraphs.Select(p => p.Kind));
    }

    [Fact]
    public void Parse_AnyText_ParagraphsTrimmedOrderedInsideText()
    {
        Gen.String.Sample(text =>
        {
            ArticleLayout layout = _parser.Parse(text);
            int previousEnd = 0;
            foreach (Paragraph p in layout.Paragraphs)
            {
                Assert.True(p.Start >= previousEnd && p.End > p.Start && p.End <= text.Length);
                Assert.False(char.IsWhiteSpace(text[p.Start]) || char.IsWhiteSpace(text[p.End - 1]));
                Assert.DoesNotContain('\n', text[p.Start..p.End]);
                previousEnd = p.End;
            }
        }, iter: 2000);
    }

    [Fact]
    public void Parse_SeedArticle_HeadingsAndBoilerplateAsInGold()
    {
        string text = File.ReadAllText(SharedData.Require("fixtures/seed-article.txt"));
        using JsonDocument gold = JsonDocument.Parse(File.ReadAllText(SharedData.Require("fixtures/seed-article.gold.json")));
        Paragraph[] paragraphs = _parser.Parse(text).Paragraphs;
        string[] headings = paragraphs.Where(p => p.Kind == ParagraphKind.Heading).Select(p => text[p.Start..p.End]).ToArray();
        string[] boilerplate = paragraphs.Where(p => p.Kind == ParagraphKind.Boilerplate).Select(p => text[p.Start..p.End]).ToArray();
        Assert.Equal(gold.RootElement.GetProperty("headings").EnumerateArray().Select(e => e.GetString()), headings);
        Assert.Equal(gold.RootElement.GetProperty("boilerplate").EnumerateArray().Select(e => e.GetString()), boilerplate);
        Assert.Equal(2, paragraphs.Count(p => p.Kind == ParagraphKind.Title));
    }
}
