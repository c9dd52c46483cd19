using NewsExtract.Internal;
using NewsExtract.Quotes;
using NewsExtract.Resolution;

namespace NewsExtract.Tests.Quotes;

/// <summary>
/// The entity index the quote stage resolves names through, the trained speaker ranker (model format,
/// confidence, threshold) and one sentence per ranker feature family, written for these tests.
/// </summary>
public class SpeakerModelTests
{
    private static readonly ArticleAnalyzer s_analyzer = ArticleAnalyzer.CreateDefault();

    [Fact]
    public void EntityIndex_LooksUpSurnameGivenNameInitialsAndRoles()
    {
        var mentions = new MentionInfo[]
        {
            new(0, 13, 0, 2, EntityType.Person, 1f),
            new(20, 45, 3, 3, EntityType.Organization, 1f),
        };
        var document = new AnalysisDocument(new string('x', 60));
        document.SetResolution(new ResolutionLayer(
            [new CleanMention(mentions[0], null, PersonGender.Male, true), new CleanMention(mentions[1], null, PersonGender.Unknown, false)],
            mentions,
            [0, 1],
            [
                new EntityInfo(1, EntityType.Person, "Dmitri Peskov", ["Dmitri Peskov", "Peskov"], [0], ["kremlin spokesman"]) { RoleHeads = ["spokesman"], Gender = PersonGender.Male },
                new EntityInfo(2, EntityType.Organization, "Export Development Canada", ["Export Development Canada"], [1], []),
            ]));
        EntityIndex index = EntityIndex.Build(document.Resolution);
        Assert.Equal([0], index.BySurname("Peskov").ToArray());
        Assert.Equal([0], index.BySurname("peskov’s").ToArray());
        Assert.Equal([0], index.ByGivenName("Dmitri").ToArray());
        Assert.Equal([1], index.ByInitials("EDC").ToArray());
        Assert.Equal([0], index.ByRoleHead("spokesman").ToArray());
        Assert.Equal([0], index.ByRolePhrase("Kremlin spokesman").ToArray());
        Assert.Equal([1], index.ByFullName("export development canada").ToArray());
        Assert.True(index.ByRoleHead("minister").IsEmpty);
        Assert.Equal(PersonGender.Male, index.GenderOf(0));
        Assert.True(index.IsPerson(0));
        Assert.False(index.IsPerson(1));
        Assert.True(index.HasPersonEvidence(0));
        Assert.Equal(0, index.LastMentionedBefore([0, 1], mentions, 15));
        Assert.Equal(1, index.LastMentionedBefore([0, 1], mentions, 50));
    }

    [Fact]
    public void Model_RoundTripsThroughItsBytes_AndRejectsOtherBytes()
    {
        var model = new SpeakerRankingModel(new Dictionary<uint, float> { [7] = 1.5f, [3] = -0.25f, [9] = 0f });
        byte[] bytes = model.ToBytes();
        SpeakerRankingModel again = SpeakerRankingModel.FromBytes(bytes);
        Assert.Equal(bytes, again.ToBytes());
        Assert.Equal(2, again.Count);
        Assert.Equal(1.25f, again.Score([7, 3, 5]));
        Assert.Throws<InvalidDataException>(() => SpeakerRankingModel.FromBytes("NOPE\0\0\0\0\0\0\0\0"u8));
    }

    [Fact]
    public void ShippedModel_IsEmbedded() => Assert.NotNull(SpeakerRankingModel.Default);

    [Fact]
    public void Speaker_CarriesACalibratedLookingConfidence_AndTheThresholdDropsWeakOnes()
    {
        const string text = "The plan was approved on Monday.\n\n\u201CIt will save lives,\u201D said Helen Marsh, a surgeon at the hospital.";
        Quote quote = Assert.Single(s_analyzer.Analyze(text, TestContext.Current.CancellationToken).Quotes);
        Assert.Equal("Helen Marsh", quote.Speaker?.Name);
        Assert.InRange(quote.Speaker!.Confidence!.Value, 0.5, 1.0);
        Assert.Contains("\"confidence\":", ArticleAnalysisJson.Serialize(s_analyzer.Analyze(text, TestContext.Current.CancellationToken)), StringComparison.Ordinal);

        ArticleAnalyzer strict = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MinSpeakerConfidence = 1.0 });
        Quote strictQuote = Assert.Single(strict.Analyze(text, TestContext.Current.CancellationToken).Quotes);
        Assert.True(strictQuote.Speaker is null || strictQuote.Speaker.Confidence >= 1.0);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Options_RejectAThresholdOutsideZeroToOne(double threshold)
        => Assert.Throws<ArgumentOutOfRangeException>(() => ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MinSpeakerConfidence = threshold }));

    [Theory]
    // cue adjacency: "X said" after the quote, "said X", colon, dash
    [InlineData("Talks ended.\n\n\u201CWe are close,\u201D Peter Hale said.", "close", "Hale")]
    [InlineData("Talks ended.\n\n\u201CWe are close,\u201D said Peter Hale.", "close", "Hale")]
    [InlineData("Talks ended.\n\nPeter Hale: \u201CWe are close to a deal.\u201D", "close", "Hale")]
    // pronoun agreement through the index's gender: the woman, not the man named last
    [InlineData("Mary Stone met Mr. Tom Reed on Monday.\n\n\u201CWe agreed on nothing,\u201D she said.", "agreed", "Stone")]
    // role noun matched to the role the resolution stage attached
    [InlineData("Kremlin spokesman Dmitri Peskov spoke on Tuesday.\n\n\u201CThe talks were useful,\u201D the spokesman said.", "useful", "Peskov")]
    // previous speaker carried to a cue-less quote paragraph
    [InlineData("\u201CWe will appeal,\u201D Anna Lopez said.\n\n\u201CThe ruling is wrong and we will show it.\u201D", "ruling is wrong", "Lopez")]
    // "according to X"
    [InlineData("The bridge will close in May, according to Peter Hale, the city engineer.", "bridge will close", "Hale")]
    public void FeatureFamilies_PickTheSpeakerTheSentenceNames(string text, string fragment, string lastName)
    {
        ArticleAnalysis analysis = s_analyzer.Analyze(text, TestContext.Current.CancellationToken);
        Quote quote = Assert.Single(analysis.Quotes, q => q.Text.Contains(fragment, StringComparison.Ordinal));
        Assert.Equal(lastName, quote.Speaker?.Name.Split(' ')[^1]);
        Infrastructure.OffsetInvariants.AssertSpeakersAgreeWithMentions(analysis);
    }
}
