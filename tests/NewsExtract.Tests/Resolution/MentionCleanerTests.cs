using NewsExtract.Internal;
using NewsExtract.Resolution;

namespace NewsExtract.Tests.Resolution;

public class MentionCleanerTests
{
    private readonly MentionCleaner _cleaner = new(ResolutionLexicons.Default);

    private CleanMention[] Clean(AnalysisDocument d) => _cleaner.Clean(d.Text, d.Layout, d.Tokens, d.RawMentions);

    [Fact]
    public void Clean_TitleBeforePerson_StrippedRoleKept()
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nRussian Deputy Foreign Minister Sergei Riabkov said so.", ("Russian Deputy Foreign Minister Sergei Riabkov", EntityType.Location, 0.5f));
        CleanMention m = Assert.Single(Clean(d));
        Assert.Equal("Sergei Riabkov", TestDocuments.Surface(d, m.Mention));
        Assert.Equal(EntityType.Person, m.Mention.Type);
        Assert.Equal("russian deputy foreign minister", m.Role);
        Assert.True(m.PersonEvidence);
        Assert.Equal(0, m.RawMention);

        // The cleaner returns new mentions; the tagger's stay as they were.
        Assert.Equal("Russian Deputy Foreign Minister Sergei Riabkov", TestDocuments.Surface(d, d.RawMentions[0]));
        Assert.Equal(EntityType.Location, d.RawMentions[0].Type);
    }

    [Fact]
    public void Clean_PluralTitleOverCoordinatedNames_AllPersons()
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nIt was agreed by Presidents Putin and Joe Biden yesterday.", ("Presidents Putin and Joe Biden", EntityType.Location, 0.5f));
        CleanMention[] clean = Clean(d);
        Assert.Equal(["Putin", "Joe Biden"], clean.Select(c => TestDocuments.Surface(d, c.Mention)));
        Assert.All(clean, c => Assert.Equal(EntityType.Person, c.Mention.Type));
        Assert.All(clean, c => Assert.Equal("president", c.Role));
    }

    [Fact]
    public void Clean_LowConfidencePossessiveBeforeName_Split()
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nGermany\u2019s Scholz spoke.", ("Germany\u2019s Scholz", EntityType.Person, 0.5f));
        Assert.Equal(["Germany", "Scholz"], Clean(d).Select(c => TestDocuments.Surface(d, c.Mention)));
    }

    [Fact]
    public void Clean_OrganizationWithPossessive_NotSplit()
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nMcDonald's Corp rose.", ("McDonald's Corp", EntityType.Organization, 0.5f));
        Assert.Equal("McDonald's Corp", TestDocuments.Surface(d, Assert.Single(Clean(d)).Mention));
    }

    [Fact]
    public void Clean_ConfidentCoordination_NotSplit()
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nHe visited Bosnia and Herzegovina.", ("Bosnia and Herzegovina", EntityType.Location, 0.95f));
        Assert.Equal("Bosnia and Herzegovina", TestDocuments.Surface(d, Assert.Single(Clean(d)).Mention));
    }

    [Fact]
    public void Clean_NameWithOfAndAnd_NotSplit()
    {
        const string Name = "Organization for Security and Cooperation in Europe";
        AnalysisDocument d = TestDocuments.Create("Body.\nThe " + Name + " met.", (Name, EntityType.Organization, 0.4f));
        Assert.Equal(Name, TestDocuments.Surface(d, Assert.Single(Clean(d)).Mention));
    }

    [Theory]
    [InlineData("the board of the European Central Bank (ECB) met.", "board of the European Central Bank", "European Central Bank")]
    [InlineData("the Council of the International Atomic Energy Agency (IAEA) voted.", "Council of the International Atomic Energy Agency", "International Atomic Energy Agency")]
    [InlineData("a session of the Permanent Committee of the World Health Organization (WHO) opened.", "Permanent Committee of the World Health Organization", "World Health Organization")]
    [InlineData("the Executive Board at the Bank for International Settlements (B.I.S.) said.", "Executive Board at the Bank for International Settlements", "Bank for International Settlements")]
    [InlineData("the Governor of the Bank of England (BOE) said.", "Governor of the Bank of England", "Bank of England")]
    public void Clean_HeadOfNameBeforeAcronym_NarrowedToExpansion(string sentence, string tagged, string expected)
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nIn Geneva " + sentence, (tagged, EntityType.Organization, 0.9f));
        Assert.Equal(expected, TestDocuments.Surface(d, Assert.Single(Clean(d)).Mention));
    }

    [Theory]
    [InlineData("the Ministry of Foreign Affairs (MFA) said.", "Ministry of Foreign Affairs")]
    [InlineData("the Bank of America (BofA) said.", "Bank of America")]
    [InlineData("the Council of the European Union said.", "Council of the European Union")]
    [InlineData("the Permanent Council of the World Trade Organization (PC) said.", "Permanent Council of the World Trade Organization")]
    [InlineData("the Deutsche Bank Research Unit (BRU) said.", "Deutsche Bank Research Unit")]
    [InlineData("the Board of Governors of the Federal Reserve (Fed) said.", "Board of Governors of the Federal Reserve")]
    public void Clean_AcronymNotSpelledByTrailingPart_SpanKept(string sentence, string tagged)
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nIn Geneva " + sentence, (tagged, EntityType.Organization, 0.9f));
        Assert.Equal(tagged, TestDocuments.Surface(d, Assert.Single(Clean(d)).Mention));
    }

    [Theory]
    [InlineData("Russian")]
    [InlineData("Ukrainians")]
    [InlineData("Soviet")]
    [InlineData("South Korean")]
    [InlineData("Deputy Foreign Minister")]
    [InlineData("Presidents")]
    public void Clean_OnlyTitleOrNationalityWords_Dropped(string surface)
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nThe " + surface + " spoke.", (surface, EntityType.Location, 0.9f));
        Assert.Empty(Clean(d));
        Assert.Single(d.RawMentions);
    }

    [Theory]
    [InlineData("Russia\u2019s", "Russia")]
    [InlineData("Reuters'", "Reuters")]
    [InlineData("the United States", "United States")]
    [InlineData("The Hague", "The Hague")]
    [InlineData("NATO", "NATO")]
    [InlineData("U.S.", "U.S.")]
    public void Clean_EdgesTrimmed(string surface, string expected)
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nSee " + surface + " now.", (surface, EntityType.Location, 0.9f));
        Assert.Equal(expected, TestDocuments.Surface(d, Assert.Single(Clean(d)).Mention));
    }

    [Fact]
    public void Clean_ConfidentOrganizationStartingWithTitleWord_Kept()
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nGeneral Motors cut jobs.", ("General Motors", EntityType.Organization, 0.9f));
        Assert.Equal("General Motors", TestDocuments.Surface(d, Assert.Single(Clean(d)).Mention));
    }

    [Fact]
    public void Clean_PersonWhoseSurnameIsATitle_Kept()
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nTom King spoke.", ("Tom King", EntityType.Person, 0.9f));
        Assert.Equal("Tom King", TestDocuments.Surface(d, Assert.Single(Clean(d)).Mention));
    }

    [Fact]
    public void Clean_Honorific_StrippedWithGender()
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nMrs Johnson spoke.", ("Mrs Johnson", EntityType.Person, 0.9f));
        CleanMention m = Assert.Single(Clean(d));
        Assert.Equal("Johnson", TestDocuments.Surface(d, m.Mention));
        Assert.Equal(PersonGender.Female, m.Gender);
        Assert.Null(m.Role);
    }

    [Fact]
    public void Clean_MentionInBoilerplate_Dropped()
    {
        AnalysisDocument d = TestDocuments.Create("Title\n\nBody about Paris.\n\nSource: Reuters", ("Paris", EntityType.Location, 0.9f), ("Reuters", EntityType.Organization, 0.9f));
        Assert.Equal(["Paris"], Clean(d).Select(c => TestDocuments.Surface(d, c.Mention)));
    }

    [Fact]
    public void Clean_RepeatedTitle_MentionsDropped()
    {
        AnalysisDocument d = TestDocuments.Create("Storm hits Paris\n\nStorm hits Paris\n\nThe storm reached Paris at noon.", ("Paris", EntityType.Location, 0.9f), ("Paris", EntityType.Location, 0.9f), ("Paris", EntityType.Location, 0.9f));
        CleanMention[] clean = Clean(d);
        Assert.Equal(2, clean.Length);
        Assert.DoesNotContain(clean, c => c.Mention.Start is >= 18 and < 34);
    }

    [Fact]
    public void Clean_HeadingWordNotInBody_DroppedButBodyNameKept()
    {
        AnalysisDocument d = TestDocuments.Create("Title line here\n\nHistory\n\nIn Vienna the talks began.\n\nVienna\n\nThey ended.", ("History", EntityType.Location, 0.5f), ("Vienna", EntityType.Location, 0.5f), ("Vienna", EntityType.Location, 0.5f));
        CleanMention[] clean = Clean(d);
        Assert.Equal(["Vienna", "Vienna"], clean.Select(c => TestDocuments.Surface(d, c.Mention)));
    }

    [Fact]
    public void Clean_TokenRangesCoverTheNewSpan()
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nPresident Emmanuel Macron\u2019s plan.", ("President Emmanuel Macron\u2019s", EntityType.Person, 0.9f));
        MentionInfo m = Assert.Single(Clean(d)).Mention;
        Assert.Equal("Emmanuel Macron", TestDocuments.Surface(d, m));
        Assert.Equal(m.Start, d.Tokens[m.FirstToken].Start);
        Assert.True(d.Tokens[m.FirstToken + m.TokenCount - 1].End >= m.End);
    }
}
