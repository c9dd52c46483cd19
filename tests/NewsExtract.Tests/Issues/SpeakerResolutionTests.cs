using NewsExtract.Internal;
using NewsExtract.Quotes;
using NewsExtract.Resolution;
using NewsExtract.Structure;
using NewsExtract.Tests.Resolution;

namespace NewsExtract.Tests.Issues;

/// <summary>
/// Issue 14, speaker errors whose cause was the entity index or pronoun agreement: shared family surnames, a
/// relative's given name, an organization's short form, "PERSON of ORG", coordinated organization names, he/she
/// antecedents. Sentences written for these tests; mentions placed by hand, so each rule is tested without the
/// tagger, and quotes attributed by the rule pass alone (no speaker model).
/// </summary>
public class SpeakerResolutionTests
{
    private const EntityType P = EntityType.Person;
    private const EntityType O = EntityType.Organization;
    private const EntityType L = EntityType.Location;

    private static AnalysisDocument Resolve(string text, params (string Surface, EntityType Type, float Confidence)[] mentions)
        => TestDocuments.Resolve(TestDocuments.Create(text, mentions));

    private static string EntityOf(AnalysisDocument d, int mention) => d.Entities[d.MentionEntity[mention]].Name;

    /// <summary>The rule pass's quotes of a document with hand-placed mentions.</summary>
    private static Quote[] Quotes(string text, params (string Surface, EntityType Type, float Confidence)[] mentions)
    {
        AnalysisDocument d = Resolve(text, mentions);
        d.SetFurniture(new PageFurnitureFinder().Find(text, d.Layout, d.Tokens));
        return new QuoteExtractor(null, 0).Extract(QuoteLayers.Of(d), EntityIndex.Build(d.Resolution));
    }

    private static Quote QuoteWith(Quote[] quotes, string fragment)
        => Assert.Single(quotes, q => q.Text.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void Resolve_SharedSurnameAndOneHolderCalledByGivenName_SurnameJoinsTheOther()
    {
        AnalysisDocument d = Resolve(
            "Body.\nKarim Farouk died in 2017. Nadia Farouk spoke at the vigil. Her brother Karim was a doctor. Farouk says she misses him.",
            ("Karim Farouk", P, 1f), ("Nadia Farouk", P, 1f), ("Karim", P, 1f), ("Farouk", P, 1f));
        Assert.Equal("Nadia Farouk", EntityOf(d, 3));
        Assert.Equal("Karim Farouk", EntityOf(d, 2));
    }

    [Fact]
    public void Resolve_SharedSurnameWithoutGivenNameAlone_SurnameStaysApart()
    {
        AnalysisDocument d = Resolve(
            "Body.\nKarim Farouk died in 2017. Nadia Farouk spoke at the vigil. Farouk says she misses him.",
            ("Karim Farouk", P, 1f), ("Nadia Farouk", P, 1f), ("Farouk", P, 1f));
        Assert.Equal(3, d.Entities.Length);
    }

    [Fact]
    public void Resolve_SharedSurnameWhenTheOtherFullNameCameLast_SurnameStaysApart()
    {
        // Karim is written alone, but his full name, not Nadia's, is the last before "Farouk": no guess.
        AnalysisDocument d = Resolve(
            "Body.\nNadia Farouk spoke at the vigil. Karim Farouk died in 2017. Her brother Karim was a doctor. Farouk says she misses him.",
            ("Nadia Farouk", P, 1f), ("Karim Farouk", P, 1f), ("Karim", P, 1f), ("Farouk", P, 1f));
        Assert.Equal("Farouk", EntityOf(d, 3));
    }

    [Fact]
    public void Resolve_GivenNameAfterAnotherPersonsRelative_DoesNotJoinAnotherFullName()
    {
        AnalysisDocument d = Resolve(
            "Body.\nJoseph Mwangi led the inquiry. Anna Lind was among the dead. Lind's father, Joseph, says she loved the city.",
            ("Joseph Mwangi", P, 1f), ("Anna Lind", P, 1f), ("Lind", P, 1f), ("Joseph", P, 1f));
        Assert.Equal("Joseph", EntityOf(d, 3));
        Assert.Equal("Anna Lind", EntityOf(d, 2));
    }

    [Fact]
    public void Resolve_GivenNameWithoutPossessor_JoinsTheOnlyFullName()
    {
        AnalysisDocument d = Resolve(
            "Body.\nJoseph Mwangi led the inquiry. Later Joseph spoke to reporters.",
            ("Joseph Mwangi", P, 1f), ("Joseph", P, 1f));
        Assert.Single(d.Entities);
    }

    [Fact]
    public void Resolve_OrganizationShortFormOpensTheLongName_OneEntity()
    {
        AnalysisDocument d = Resolve(
            "Body.\nNorvik Energy reported a loss. Norvik said it would cut jobs.",
            ("Norvik Energy", O, 0.9f), ("Norvik", O, 0.9f));
        EntityInfo e = Assert.Single(d.Entities);
        Assert.Equal("Norvik Energy", e.Name);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Resolve_OrganizationShortFormThatIsAPlaceOrTyped_StaysApart(bool listedPlace)
    {
        // "Surrey" (a listed place) is not the short form of "Surrey City Council"; nor is a name tagged as a place.
        const string text = "Body.\nSurrey City Council met. Surrey said the rink would close.";
        AnalysisDocument d = TestDocuments.Create(
            text,
            m => text[m.Start..m.End] == "Surrey" ? m with { ListedPlace = listedPlace, Type = listedPlace ? O : L } : m,
            ("Surrey City Council", O, 0.9f),
            ("Surrey", O, 0.9f));
        TestDocuments.Resolve(d);
        Assert.Equal(2, d.Entities.Length);
    }

    [Fact]
    public void Extract_PersonOfOrganizationNotAMention_ThePersonSpeaks()
    {
        Quote[] quotes = Quotes(
            "Markets fell.\n\n\u201CThe worries are about tariffs,\u201D Lin Hao of QX said in a note.",
            ("QX", O, 0.9f));
        Assert.Equal("Lin Hao", QuoteWith(quotes, "worries").Speaker?.Name);
    }

    [Fact]
    public void Extract_OfAfterATitle_TheOrganizationSpeaks()
    {
        Quote[] quotes = Quotes(
            "Markets fell.\n\n\u201CThe worries are about tariffs,\u201D the Minister of Finance said.",
            ("Finance", O, 0.9f));
        Assert.NotEqual("Minister", QuoteWith(quotes, "worries").Speaker?.Name);
    }

    [Fact]
    public void Extract_CoordinatedOrganizationName_SpeaksAsTheOrganization()
    {
        Quote[] quotes = Quotes(
            "Quake hits coast\n\nThe wave struck 30 minutes later, according to the Geology, Hydrology and Seismology Agency.",
            ("Seismology Agency", O, 0.9f));
        Assert.Equal("Seismology Agency", QuoteWith(quotes, "wave struck").Speaker?.Name);
    }

    [Fact]
    public void Extract_PronounAfterBarePersonSubject_ResolvesToThatPerson()
    {
        // Okafor has no gender and no role, but heads the sentence right before the quote: "he said" is Okafor.
        Quote[] quotes = Quotes(
            "Golf day\n\n\u201CWe are trending,\u201D said Priya Raman.\n\nWhen asked about the crowd, Okafor didn\u2019t hesitate.\n\n\u201CIt\u2019s this for sure,\u201D he said.",
            ("Priya Raman", P, 0.9f), ("Okafor", P, 0.9f));
        Assert.Equal("Okafor", QuoteWith(quotes, "this for sure").Speaker?.Name);
    }

    [Fact]
    public void Extract_PronounAfterBareNameInAList_DoesNotTakeIt()
    {
        // "Jaidaa, left," is an item of a list, not a clause's subject: "he said" keeps the earlier man.
        Quote[] quotes = Quotes(
            "Family day\n\nMr. Tom Brandt spoke first.\n\nHis daughters Amal, centre, Jaidaa, left, and Rana smiled.\n\n\u201CWe are home,\u201D he said.",
            ("Tom Brandt", P, 0.9f), ("Amal", P, 0.9f), ("Jaidaa", P, 0.9f), ("Rana", P, 0.9f));
        Assert.Equal("Tom Brandt", QuoteWith(quotes, "We are home").Speaker?.Name);
    }

    [Fact]
    public void Extract_PronounAfterPossessor_PrefersTheClauseSubject()
    {
        Quote[] quotes = Quotes(
            "Law debate\n\nAudrey Walsh asked for a change before she died.\n\nGiven his views, Shanaz Gokool, president of the group, is hopeful the minister will heed Walsh's plea.\n\n\u201COur hope is for the country,\u201D she said.",
            ("Audrey Walsh", P, 0.9f), ("Shanaz Gokool", P, 0.9f), ("Walsh", P, 0.9f));
        Assert.Equal("Shanaz Gokool", QuoteWith(quotes, "Our hope").Speaker?.Name);
    }

    [Fact]
    public void Extract_PronounWithForceNamedAfterItsPlace_NeverTheForce()
    {
        Quote[] quotes = Quotes(
            "Scam warning\n\nKevin Hale, a director at a security firm, agreed.\n\nWATCH: Burnaby RCMP warns of rise in \u2018sextortion\u2019 cases\n\n\u201CThis game is all about getting people to respond,\u201D he said.",
            ("Kevin Hale", P, 0.9f));
        Assert.Equal("Kevin Hale", QuoteWith(quotes, "This game").Speaker?.Name);
    }
}
