using NewsExtract.Entities;
using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Tests.Infrastructure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Entities;

public class EntityRecognizerTests
{
    private const string Story =
        "Zorbanian leader Qwilt Marovec met officials of Flentor Industries in Paris on Monday.\n\n" +
        "Marovec said the talks with the French government had gone well.\n";

    [Fact]
    public void Analyze_SameText_SameBytes()
    {
        string text = ArticleAnalyzer.GetSampleArticle();
        string a = ArticleAnalysisJson.Serialize(ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken));
        string b = ArticleAnalysisJson.Serialize(ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Analyze_Story_FindsPersonAndPlaceInsideSentencesWithoutOverlap()
    {
        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(Story, TestContext.Current.CancellationToken);

        OffsetInvariants.AssertValid(Story, analysis);
        Assert.Contains(analysis.Mentions, m => m.Text == "Paris" && m.Type == EntityType.Location);
        Assert.Contains(analysis.Mentions, m => m.Text.Contains("Marovec", StringComparison.Ordinal) && m.Type == EntityType.Person);
        for (int i = 1; i < analysis.Mentions.Count; i++)
        {
            Assert.True(analysis.Mentions[i - 1].End <= analysis.Mentions[i].Start, "mentions overlap");
        }

        foreach (Mention mention in analysis.Mentions)
        {
            Assert.Contains(analysis.Sentences, s => s.Start <= mention.Start && mention.End <= s.End);
            Assert.InRange(mention.Confidence, 0.0, 1.0);
        }
    }

    [Fact]
    public void Analyze_CustomNames_OverrideTheModel()
    {
        var names = new Dictionary<string, EntityType> { ["Flentor Industries"] = EntityType.Location, ["Qwilt Marovec"] = EntityType.Organization };
        ArticleAnalyzer analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { CustomNames = names });
        names["Paris"] = EntityType.Person;

        ArticleAnalysis analysis = analyzer.Analyze(Story, TestContext.Current.CancellationToken);

        Assert.Contains(analysis.Mentions, m => m.Text == "Flentor Industries" && m.Type == EntityType.Location && m.Confidence == 1.0);
        Assert.Contains(analysis.Mentions, m => m.Text == "Qwilt Marovec" && m.Type == EntityType.Organization);
        Assert.DoesNotContain(analysis.Mentions, m => m.Text == "Paris" && m.Type == EntityType.Person);
        OffsetInvariants.AssertValid(Story, analysis);
    }

    [Fact]
    public void Recognize_NameInCuratedOrganizationList_MarkedListedOthersNot()
    {
        const string Text = "Talks resume\n\nThe Pentagon said officials in Berlin and Flentor Industries agreed on Monday.\n";
        var document = new AnalysisDocument(Text);
        document.SetLayout(new ArticleStructureParser().Parse(Text));
        document.SetTokens(TextTokenizer.Tokenize(Text));
        document.SetSentences(new SentenceSplitter().Split(Text, document.Tokens, document.Layout));

        MentionInfo[] mentions = new EntityRecognizer().Recognize(document.Text, document.Layout, document.Tokens, document.Sentences);

        Assert.Contains(mentions, m => Text[m.Start..m.End] == "Pentagon" && m.ListedOrganization);
        Assert.Contains(mentions, m => Text[m.Start..m.End] == "Berlin" && !m.ListedOrganization);
        Assert.DoesNotContain(mentions, m => Text[m.Start..m.End] != "Pentagon" && m.ListedOrganization);
    }

    [Fact]
    public void Analyze_SeatsOfGovernmentInCuratedList_OrganizationsAndPlacesStayPlaces()
    {
        const string Text = "Talks resume\n\nThe Pentagon declined to comment on Tuesday, a day after Downing Street " +
            "confirmed that officials would travel to Berlin. A Pentagon spokeswoman said the trip to Berlin was planned.\n";

        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(Text, TestContext.Current.CancellationToken);

        Assert.Contains(analysis.Entities, e => e.Name == "Pentagon" && e.Type == EntityType.Organization);
        Assert.Contains(analysis.Entities, e => e.Name == "Downing Street" && e.Type == EntityType.Organization);
        Assert.Contains(analysis.Entities, e => e.Name == "Berlin" && e.Type == EntityType.Location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("...")]
    public void Create_CustomNameWithoutLetters_Throws(string name)
    {
        var options = new ArticleAnalyzerOptions { CustomNames = new Dictionary<string, EntityType> { [name] = EntityType.Person } };
        Assert.Throws<ArgumentOutOfRangeException>(() => ArticleAnalyzer.Create(options));
    }

    [Fact]
    public void Create_CustomNameWithUnknownType_Throws()
    {
        var options = new ArticleAnalyzerOptions { CustomNames = new Dictionary<string, EntityType> { ["Acme"] = (EntityType)42 } };
        Assert.Throws<ArgumentOutOfRangeException>(() => ArticleAnalyzer.Create(options));
    }

    [Fact]
    public void Analyze_TitleCaseHeadline_StillTagsNames()
    {
        const string text = "Merkel Meets Obama In Berlin To Discuss Trade\n\nGerman Chancellor Angela Merkel met U.S. President Barack Obama in Berlin on Tuesday.\n";
        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken);

        Assert.Contains(analysis.Mentions, m => m.Text == "Berlin" && m.Start < 50 && m.Type == EntityType.Location);
        Assert.DoesNotContain(analysis.Mentions, m => m.Text.Contains("Meets", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_RunOnTextLongerThanADecodeWindow_ValidMentions()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 3000; i++)
        {
            sb.Append(i % 7 == 0 ? "Anna Kowalski of Lisbon " : "and then ");
        }

        string text = sb.ToString();
        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken);

        OffsetInvariants.AssertValid(text, analysis);
        Assert.NotEmpty(analysis.Mentions);
        for (int i = 1; i < analysis.Mentions.Count; i++)
        {
            Assert.True(analysis.Mentions[i - 1].End <= analysis.Mentions[i].Start, "mentions overlap");
        }
    }
}
