using NewsExtract.Internal;
using NewsExtract.Resolution;

namespace NewsExtract.Tests.Resolution;

public class EntityResolverTests
{
    private const EntityType P = EntityType.Person;
    private const EntityType O = EntityType.Organization;
    private const EntityType L = EntityType.Location;

    [Fact]
    public void Resolve_NoMentions_NoEntities()
    {
        AnalysisDocument d = TestDocuments.Create(string.Empty);
        TestDocuments.Resolve(d);
        Assert.Empty(d.Entities);
        Assert.Empty(d.MentionEntity);
    }

    [Fact]
    public void Resolve_FullNameThenSurname_OneEntityWithFullName()
    {
        AnalysisDocument d = Resolve("Body.\nVladimir Putin spoke. Putin left.", ("Vladimir Putin", P, 1f), ("Putin", P, 1f));
        EntityInfo e = Assert.Single(d.Entities);
        Assert.Equal("Vladimir Putin", e.Name);
        Assert.Equal(["Vladimir Putin", "Putin"], e.Aliases);
        Assert.Equal(1, e.Id);
    }

    [Fact]
    public void Resolve_TwoKennedysThenSurname_SurnameStaysApart()
    {
        AnalysisDocument d = Resolve("Body.\nJohn Kennedy and Robert Kennedy met. Kennedy spoke.", ("John Kennedy", P, 1f), ("Robert Kennedy", P, 1f), ("Kennedy", P, 1f));
        Assert.Equal(3, d.Entities.Length);
        Assert.Equal(3, d.MentionEntity.Distinct().Count());
    }

    [Fact]
    public void Resolve_PlaceAndPersonSameName_NotMerged()
    {
        AnalysisDocument d = Resolve("Body.\nGeorge Washington left Washington. Washington was cold.", ("George Washington", P, 1f), ("Washington", L, 0.9f), ("Washington", L, 0.9f));
        Assert.Equal(2, d.Entities.Length);
        Assert.Equal(d.MentionEntity[1], d.MentionEntity[2]);
        Assert.NotEqual(d.MentionEntity[0], d.MentionEntity[1]);
        Assert.Equal(L, d.Entities[d.MentionEntity[1]].Type);
    }

    [Fact]
    public void Resolve_LowConfidenceSurnameTaggedAsPlace_JoinsThePerson()
    {
        AnalysisDocument d = Resolve("Body.\nVladimir Putin spoke. Later Putin left.", ("Vladimir Putin", P, 0.5f), ("Putin", L, 0.5f));
        EntityInfo e = Assert.Single(d.Entities);
        Assert.Equal(P, e.Type);
        Assert.All(d.Mentions, m => Assert.Equal(P, m.Type));
    }

    [Theory]
    [InlineData(true, EntityType.Organization)]
    [InlineData(false, EntityType.Location)]
    public void Resolve_PlaceTagListedAsOrganization_TypedOrganization(bool listed, EntityType expected)
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nThe Elysee denied it. The Elysee said so.", m => m with { ListedOrganization = listed }, ("Elysee", L, 0.99f), ("Elysee", L, 0.99f));
        TestDocuments.Resolve(d);
        EntityInfo e = Assert.Single(d.Entities);
        Assert.Equal(expected, e.Type);
        Assert.All(d.Mentions, m => Assert.Equal(expected, m.Type));
    }

    [Fact]
    public void Resolve_PersonTagListedAsOrganization_StaysPerson()
    {
        AnalysisDocument d = TestDocuments.Create("Body.\nMrs Duma spoke.", m => m with { ListedOrganization = true }, ("Duma", P, 0.99f));
        TestDocuments.Resolve(d);
        Assert.Equal(P, Assert.Single(d.Entities).Type);
    }

    [Fact]
    public void Resolve_HeadOfNameBeforeAcronym_ExpansionAndAcronymOneEntity()
    {
        AnalysisDocument d = Resolve(
            "Body.\nThe Council of the International Atomic Energy Agency (IAEA) met. The IAEA said so.",
            ("Council of the International Atomic Energy Agency", O, 0.9f),
            ("IAEA", O, 0.99f),
            ("IAEA", O, 0.99f));
        EntityInfo e = Assert.Single(d.Entities);
        Assert.Equal("International Atomic Energy Agency", e.Name);
        Assert.Equal(["International Atomic Energy Agency", "IAEA"], e.Aliases);
    }

    [Fact]
    public void Resolve_AcronymAfterExpansion_JoinsItAndExpansionIsCanonical()
    {
        AnalysisDocument d = Resolve("Body.\nThe OSCE and the Organization for Security and Cooperation in Europe met.", ("OSCE", O, 1f), ("Organization for Security and Cooperation in Europe", O, 1f));
        EntityInfo e = Assert.Single(d.Entities);
        Assert.Equal("Organization for Security and Cooperation in Europe", e.Name);
        Assert.Equal(["Organization for Security and Cooperation in Europe", "OSCE"], e.Aliases);
    }

    [Fact]
    public void Resolve_AcronymWithTwoPossibleExpansions_StaysApart()
    {
        AnalysisDocument d = Resolve("Body.\nThe Central Bank and the Council of Bishops and CB met.", ("Central Bank", O, 1f), ("Council of Bishops", O, 1f), ("CB", O, 1f));
        Assert.Equal(3, d.Entities.Length);
    }

    [Fact]
    public void Resolve_OrganizationPlaceTypeConflict_ConfidenceWeightedMajority()
    {
        AnalysisDocument d = Resolve("Body.\nThe Kremlin said. The Kremlin denied. The Kremlin agreed.", ("Kremlin", O, 0.9f), ("Kremlin", L, 0.6f), ("Kremlin", O, 0.8f));
        EntityInfo e = Assert.Single(d.Entities);
        Assert.Equal(O, e.Type);
        Assert.All(d.Mentions, m => Assert.Equal(O, m.Type));
    }

    [Fact]
    public void Resolve_SpellingVariants_OneEntityEarliestFullNameCanonical()
    {
        AnalysisDocument d = Resolve("Body.\nSergei Riabkov spoke. Ryabkov left. Sergey Riabkov returned.", ("Sergei Riabkov", P, 1f), ("Ryabkov", P, 1f), ("Sergey Riabkov", P, 1f));
        EntityInfo e = Assert.Single(d.Entities);
        Assert.Equal("Sergei Riabkov", e.Name);
        Assert.Equal(["Sergei Riabkov", "Ryabkov", "Sergey Riabkov"], e.Aliases);
    }

    [Fact]
    public void Resolve_MrsSurnameBesideManAndWomanOfThatName_JoinsTheWoman()
    {
        AnalysisDocument d = Resolve("Body.\nBoris Johnson and Carrie Johnson came. Mrs Johnson smiled.", ("Boris Johnson", P, 1f), ("Carrie Johnson", P, 1f), ("Mrs Johnson", P, 1f));
        Assert.Equal(d.MentionEntity[1], d.MentionEntity[2]);
        Assert.Equal(PersonGender.Female, d.Entities[d.MentionEntity[1]].Gender);
        Assert.Equal(PersonGender.Male, d.Entities[d.MentionEntity[0]].Gender);
    }

    [Fact]
    public void Resolve_PremodifierRole_KeptWithHeadAndGender()
    {
        AnalysisDocument d = Resolve("Body.\nFor his part, Kremlin spokesman Dmitri Peskov stressed it.", ("Kremlin", O, 1f), ("Dmitri Peskov", P, 1f));
        EntityInfo peskov = d.Entities.Single(e => e.Type == P);
        Assert.Equal(["kremlin spokesman"], peskov.Roles);
        Assert.Equal(["spokesman"], peskov.RoleHeads);
        Assert.Equal(PersonGender.Male, peskov.Gender);
        Assert.Empty(d.Entities.Single(e => e.Type == O).Roles);
    }

    [Fact]
    public void Resolve_RoleWordsEndingTheLineBefore_NeverAttachToTheNameOnTheNextLine()
    {
        // A byline's title ("By Ann Lowe, Political Correspondent") is the byline's, not the first name of the story.
        AnalysisDocument d = Resolve("Body.\nBy Ann Lowe, Political Correspondent\nTomas Brandt scored twice on Sunday.", ("Tomas Brandt", P, 1f));
        Assert.Empty(Assert.Single(d.Entities).Roles);
    }

    [Fact]
    public void Resolve_RoleOnTheSameLine_StillAttaches()
    {
        AnalysisDocument d = Resolve("Body.\nPolitical correspondent Ann Lowe wrote it.\nTomas Brandt scored.", ("Ann Lowe", P, 1f), ("Tomas Brandt", P, 1f));
        Assert.Equal(["correspondent"], d.Entities[d.MentionEntity[0]].RoleHeads);
        Assert.Empty(d.Entities[d.MentionEntity[1]].Roles);
    }

    [Fact]
    public void Resolve_AppositionRole_Kept()
    {
        AnalysisDocument d = Resolve("Body.\nPeskov, the Kremlin spokesman, said no.", ("Peskov", P, 1f), ("Kremlin", O, 1f));
        Assert.Equal(["kremlin spokesman"], d.Entities.Single(e => e.Type == P).Roles);
    }

    [Fact]
    public void Resolve_AppositionWithComplement_KeptAndGendered()
    {
        AnalysisDocument d = Resolve("Body.\nMaria Zakharova, a spokeswoman for the ministry, said no.", ("Maria Zakharova", P, 1f));
        EntityInfo e = Assert.Single(d.Entities);
        Assert.Equal(["spokeswoman for the ministry"], e.Roles);
        Assert.Equal(["spokeswoman"], e.RoleHeads);
        Assert.Equal(PersonGender.Female, e.Gender);
    }

    [Fact]
    public void Resolve_RoleBeforeNameInCommas_Kept()
    {
        AnalysisDocument d = Resolve("Body.\nA spokeswoman for the Elysee, Anne Martin, said no.", ("Elysee", L, 1f), ("Anne Martin", P, 1f));
        Assert.Equal(["spokeswoman for the elysee"], d.Entities.Single(e => e.Type == P).Roles);
    }

    [Fact]
    public void Resolve_ListBeforeNameInCommas_NoRole()
    {
        AnalysisDocument d = Resolve("Body.\nHe met the farmers in Lyon, Anne Martin, and others.", ("Lyon", L, 1f), ("Anne Martin", P, 1f));
        Assert.Empty(d.Entities.Single(e => e.Type == P).Roles);
    }

    [Fact]
    public void Resolve_RelativeClauseAfterName_NoRole()
    {
        AnalysisDocument d = Resolve("Body.\nRiabkov, who led the delegation, said no.", ("Riabkov", P, 1f));
        Assert.Empty(Assert.Single(d.Entities).Roles);
        Assert.Equal(PersonGender.Unknown, d.Entities[0].Gender);
    }

    [Fact]
    public void Resolve_StrippedTitle_BecomesRole()
    {
        AnalysisDocument d = Resolve("Body.\nRussian Deputy Foreign Minister Sergei Riabkov spoke.", ("Russian Deputy Foreign Minister Sergei Riabkov", P, 1f));
        EntityInfo e = Assert.Single(d.Entities);
        Assert.Equal("Sergei Riabkov", e.Name);
        Assert.Equal(["russian deputy foreign minister"], e.Roles);
        Assert.Equal(["minister"], e.RoleHeads);
    }

    [Theory]
    [InlineData("Sen. Bernie Sanders", "senator")]
    [InlineData("Gen. Mark Milley", "general")]
    [InlineData("Queen Elizabeth", "queen")]
    public void Resolve_HonorificThatIsARole_BecomesRole(string surface, string head)
    {
        AnalysisDocument d = Resolve("Body.\n" + surface + " spoke.", (surface, P, 1f));
        Assert.Equal([head], Assert.Single(d.Entities).RoleHeads);
    }

    [Fact]
    public void Resolve_HonorificsBeforeCleanNames_GenderKeepsThemApart()
    {
        AnalysisDocument d = Resolve("Body.\nLater Mrs Sanders and Mr. Bernie Sanders spoke.", ("Sanders", P, 1f), ("Bernie Sanders", P, 1f));
        Assert.Equal(2, d.Entities.Length);
        Assert.Equal(PersonGender.Female, d.Entities[0].Gender);
        Assert.Equal(PersonGender.Male, d.Entities[1].Gender);
    }

    [Fact]
    public void Resolve_HonorificRoleBeforeCleanName_Kept()
    {
        AnalysisDocument d = Resolve("Body.\nLater Sen. Bernie Sanders spoke.", ("Bernie Sanders", P, 1f));
        Assert.Equal(["senator"], Assert.Single(d.Entities).Roles);
    }

    [Fact]
    public void Resolve_GivenNameGender_FromNameList()
    {
        AnalysisDocument d = Resolve("Body.\nWendy Sherman met Joe Biden.", ("Wendy Sherman", P, 1f), ("Joe Biden", P, 1f));
        Assert.Equal(PersonGender.Female, d.Entities[0].Gender);
        Assert.Equal(PersonGender.Male, d.Entities[1].Gender);
    }

    [Fact]
    public void Resolve_UnknownGenderSubjectFollowedByShe_InferredFemale()
    {
        // "Jordan" and a one-word surname carry no gender of their own; two subject mentions each followed by "she".
        AnalysisDocument d = Resolve(
            "Body.\nJordan Vale opened the shop in May. She said it was busy. Later Vale hired staff, and her brother helped.",
            ("Jordan Vale", P, 1f), ("Vale", P, 1f));
        Assert.Equal(PersonGender.Female, Assert.Single(d.Entities).Gender);
    }

    [Fact]
    public void Resolve_OneVoteOnly_GenderStaysUnknown()
    {
        AnalysisDocument d = Resolve("Body.\nJordan Vale opened the shop. He said it was busy.", ("Jordan Vale", P, 1f));
        Assert.Equal(PersonGender.Unknown, Assert.Single(d.Entities).Gender);
    }

    [Fact]
    public void Resolve_PronounAfterObjectMention_DoesNotVote()
    {
        // Vale is the object each time; the "he" that follows is the subject's, so no vote.
        AnalysisDocument d = Resolve(
            "Body.\nThe coach met Jordan Vale. He said it was late. The coach called Vale again, and he waited.",
            ("Jordan Vale", P, 1f), ("Vale", P, 1f));
        Assert.Equal(PersonGender.Unknown, Assert.Single(d.Entities).Gender);
    }

    [Fact]
    public void Resolve_PronounAfterAnotherPersonOrInQuote_DoesNotVote()
    {
        // Each "she" follows another person's mention or stands inside a quotation.
        AnalysisDocument d = Resolve(
            "Body.\nJordan Vale met Anna Berg. She smiled. Vale said, \u201CShe was kind.\u201D Vale met Anna Berg, and she left.",
            ("Jordan Vale", P, 1f), ("Anna Berg", P, 1f), ("Vale", P, 1f), ("Vale", P, 1f), ("Anna Berg", P, 1f));
        Assert.Equal(PersonGender.Unknown, d.Entities[d.MentionEntity[0]].Gender);
    }

    [Fact]
    public void Resolve_NameListGender_NotOverriddenByPronouns()
    {
        AnalysisDocument d = Resolve(
            "Body.\nWendy Sherman arrived. He said it was late. Sherman left. He waved. Sherman sat. He laughed.",
            ("Wendy Sherman", P, 1f), ("Sherman", P, 1f), ("Sherman", P, 1f));
        Assert.Equal(PersonGender.Female, Assert.Single(d.Entities).Gender);
    }

    [Fact]
    public void Resolve_ParticleAndSurname_JoinsTheFullName()
    {
        AnalysisDocument d = Resolve("Body.\nKarim Al Nasser spoke. Later Al Nasser left.", ("Karim Al Nasser", P, 1f), ("Al Nasser", P, 1f));
        EntityInfo e = Assert.Single(d.Entities);
        Assert.Equal("Karim Al Nasser", e.Name);
    }

    [Fact]
    public void Resolve_ParticleAndSurnameAlone_NoGivenNameGender()
    {
        // "Al" is also a man's given name, but before a surname it is the Arabic article.
        AnalysisDocument d = Resolve("Body.\nAl Nasser spoke.", ("Al Nasser", P, 1f));
        Assert.Equal(PersonGender.Unknown, Assert.Single(d.Entities).Gender);
    }

    [Fact]
    public void Resolve_EntityIdsFollowFirstMention()
    {
        AnalysisDocument d = Resolve("Body.\nParis and Rome, then Paris.", ("Paris", L, 1f), ("Rome", L, 1f), ("Paris", L, 1f));
        Assert.Equal([0, 1, 0], d.MentionEntity);
        Assert.Equal([1, 2], d.Entities.Select(e => e.Id));
        Assert.Equal([0, 2], d.Entities[0].Mentions);
    }

    private static AnalysisDocument Resolve(string text, params (string Surface, EntityType Type, float Confidence)[] mentions)
    {
        AnalysisDocument d = TestDocuments.Create(text, mentions);
        TestDocuments.Resolve(d);
        return d;
    }
}
