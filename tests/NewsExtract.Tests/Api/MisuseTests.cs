using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace NewsExtract.Tests.Api;

/// <summary>Wrong arguments get the documented exception at once, never a crash deeper down.</summary>
public class MisuseTests
{
    private static readonly ArticleAnalysis s_empty = ArticleAnalyzer.CreateDefault().Analyze(string.Empty);

    [Fact]
    public void Analyze_NullThroughInterface_ThrowsArgumentNull()
    {
        IArticleAnalyzer analyzer = ArticleAnalyzer.CreateDefault();
        ArgumentNullException ex = Assert.Throws<ArgumentNullException>(() => analyzer.Analyze(null!, TestContext.Current.CancellationToken));
        Assert.Equal("text", ex.ParamName);
    }

    [Fact]
    public void Analyze_CancelledTokenOnLargeInput_ThrowsOperationCanceledWithThatToken()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        OperationCanceledException ex = Assert.ThrowsAny<OperationCanceledException>(
            () => ArticleAnalyzer.CreateDefault().Analyze(new string('a', 100_000), cts.Token));
        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Theory]
    [InlineData((AnalysisStages)99)]
    [InlineData(AnalysisStages.None)]
    public void Create_UnknownOrNoStage_ThrowsArgumentOutOfRange(AnalysisStages stages)
        => Assert.Throws<ArgumentOutOfRangeException>(() => ArticleAnalyzer.Create(new ArticleAnalyzerOptions { Stages = stages }));

    [Fact]
    public void Create_CustomNameOfTypeNone_ThrowsArgumentOutOfRange()
        => Assert.Throws<ArgumentOutOfRangeException>(() => ArticleAnalyzer.Create(
            new ArticleAnalyzerOptions { CustomNames = new Dictionary<string, EntityType> { ["Acme"] = EntityType.None } }));

    [Fact]
    public void CustomNames_CallersDictionaryChangedAfterwards_OptionsUnaffected()
    {
        var names = new Dictionary<string, EntityType> { ["Acme"] = EntityType.Organization };
        var options = new ArticleAnalyzerOptions { CustomNames = names };
        names["Acme"] = EntityType.Person;
        names["Flentor"] = EntityType.Location;
        Assert.Equal(EntityType.Organization, Assert.Single(options.CustomNames).Value);
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, EntityType>)options.CustomNames).Add("Qwilt", EntityType.Person));
    }

    [Fact]
    public void CustomNames_SetToNull_ThrowsArgumentNull()
        => Assert.Throws<ArgumentNullException>(() => new ArticleAnalyzerOptions { CustomNames = null! });

    [Fact]
    public void Serialize_Nulls_ThrowArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => ArticleAnalysisJson.Serialize(null!));
        Assert.Throws<ArgumentNullException>(() => ArticleAnalysisJson.Serialize(null!, s_empty));
        using var stream = new MemoryStream();
        Assert.Throws<ArgumentNullException>(() => ArticleAnalysisJson.Serialize(stream, null!));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void Deserialize_Null_ThrowsArgumentNull()
        => Assert.Throws<ArgumentNullException>(() => ArticleAnalysisJson.Deserialize(null!));

    [Theory]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"sentences\": 5}")]
    public void Deserialize_NotAnAnalysis_ThrowsJsonException(string json)
        => Assert.ThrowsAny<JsonException>(() => ArticleAnalysisJson.Deserialize(json));

    [Fact]
    public void AddNewsExtract_NullServices_ThrowsArgumentNull()
        => Assert.Throws<ArgumentNullException>(() => NewsExtractServiceCollectionExtensions.AddNewsExtract(null!));

    [Fact]
    public void ArticleAnalysis_NullList_ThrowsArgumentNull()
        => Assert.Throws<ArgumentNullException>(() => new ArticleAnalysis(null, null!, [], null, [], [], []));
}
