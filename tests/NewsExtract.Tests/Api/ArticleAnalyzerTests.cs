using Microsoft.Extensions.DependencyInjection;
using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Api;

public class ArticleAnalyzerTests
{
    private static readonly ArticleAnalyzer s_analyzer = ArticleAnalyzer.CreateDefault();

    [Fact]
    public void Analyze_Null_ThrowsArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => s_analyzer.Analyze(null!, TestContext.Current.CancellationToken));

    [Fact]
    public void Analyze_CancelledToken_ThrowsOperationCanceled()
        => Assert.ThrowsAny<OperationCanceledException>(() => s_analyzer.Analyze("Some text.", new CancellationToken(canceled: true)));

    [Theory]
    [InlineData("")]
    [InlineData(" \n\n \t")]
    [InlineData("no punctuation at all and no capitals")]
    [InlineData("\u201CUnclosed quote said Anna Smith.")]
    [InlineData("\uD800 lone surrogate \uDC00 and \u0001 control")]
    public void Analyze_OddInput_ReturnsValidOffsets(string text)
    {
        ArticleAnalysis analysis = s_analyzer.Analyze(text, TestContext.Current.CancellationToken);
        OffsetInvariants.AssertValid(text, analysis);
    }

    [Fact]
    public void Analyze_SampleArticle_FindsEntitiesAndQuotes()
    {
        string text = ArticleAnalyzer.GetSampleArticle();
        ArticleAnalysis analysis = s_analyzer.Analyze(text, TestContext.Current.CancellationToken);

        OffsetInvariants.AssertValid(text, analysis);
        Assert.Equal("Harbor city approves flood barrier after years of debate", analysis.Title);
        Assert.NotEmpty(analysis.Sentences);
        Assert.Contains(analysis.Entities, e => e.Type == EntityType.Person);
        Assert.NotEmpty(analysis.Quotes);
    }

    [Fact]
    public void Analyze_SameInput_SameJson()
    {
        string text = ArticleAnalyzer.GetSampleArticle();
        string first = ArticleAnalysisJson.Serialize(s_analyzer.Analyze(text, TestContext.Current.CancellationToken));
        string second = ArticleAnalysisJson.Serialize(ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Analyze_IncludeTokensOption_FillsTokens()
    {
        var analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { IncludeTokens = true });
        ArticleAnalysis analysis = analyzer.Analyze("Anna Smith said hello.", TestContext.Current.CancellationToken);
        Assert.NotNull(analysis.Tokens);
        Assert.Equal("Anna", "Anna Smith said hello."[analysis.Tokens![0].Start..analysis.Tokens[0].End]);
        Assert.Null(s_analyzer.Analyze("Anna Smith said hello.", TestContext.Current.CancellationToken).Tokens);
    }

    [Fact]
    public void Analyze_TokensStage_SkipsEntitiesAndQuotes()
    {
        var analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { Stages = AnalysisStages.Tokens });
        ArticleAnalysis analysis = analyzer.Analyze(ArticleAnalyzer.GetSampleArticle(), TestContext.Current.CancellationToken);
        Assert.NotEmpty(analysis.Sentences);
        Assert.Empty(analysis.Mentions);
        Assert.Empty(analysis.Quotes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Create_InvalidParallelism_Throws(int value)
        => Assert.Throws<ArgumentOutOfRangeException>(() => ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MaxDegreeOfParallelism = value }));

    [Fact]
    public void Create_Null_Throws() => Assert.Throws<ArgumentNullException>(() => ArticleAnalyzer.Create(null!));

    [Fact]
    public async Task AnalyzeManyAsync_ReturnsResultsInInputOrder()
    {
        var analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MaxDegreeOfParallelism = 2 });
        string[] texts = new string[20];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = $"Article {i}. " + new string('x', (20 - i) * 500) + " Anna Smith said \u201Chello {i}.\u201D";
        }

        int index = 0;
        await foreach (ArticleAnalysis analysis in analyzer.AnalyzeManyAsync(texts, TestContext.Current.CancellationToken))
        {
            Assert.Equal(ArticleAnalysisJson.Serialize(analyzer.Analyze(texts[index], TestContext.Current.CancellationToken)), ArticleAnalysisJson.Serialize(analysis));
            index++;
        }

        Assert.Equal(texts.Length, index);
    }

    [Fact]
    public async Task AnalyzeManyAsync_Cancelled_StopsWithOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        int produced = 0;
        IEnumerable<string> Endless()
        {
            while (true)
            {
                produced++;
                yield return ArticleAnalyzer.GetSampleArticle();
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ArticleAnalysis _ in s_analyzer.AnalyzeManyAsync(Endless(), cts.Token))
            {
                await cts.CancelAsync();
            }
        });
        int after = produced;
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(after, produced);
    }

    [Fact]
    public async Task AnalyzeManyAsync_NullItem_ThrowsArgumentNull()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(async () =>
        {
            await foreach (ArticleAnalysis _ in s_analyzer.AnalyzeManyAsync(new[] { "a", null! }, TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact]
    public void AddNewsExtract_RegistersConfiguredSingleton()
    {
        var services = new ServiceCollection();
        services.AddNewsExtract(new ArticleAnalyzerOptions { IncludeTokens = true });
        using ServiceProvider provider = services.BuildServiceProvider();

        IArticleAnalyzer first = provider.GetRequiredService<IArticleAnalyzer>();
        Assert.Same(first, provider.GetRequiredService<IArticleAnalyzer>());
        Assert.Same(first, provider.GetRequiredService<ArticleAnalyzer>());
        Assert.NotNull(first.Analyze("Hello there.", TestContext.Current.CancellationToken).Tokens);
    }

    [Fact]
    public void AddNewsExtract_OptionsFactory_InvokedOnceWithTheProvider()
    {
        var services = new ServiceCollection();
        int calls = 0;
        services.AddNewsExtract(provider =>
        {
            calls++;
            Assert.NotNull(provider);
            return new ArticleAnalyzerOptions { Stages = AnalysisStages.Tokens };
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        ArticleAnalysis analysis = provider.GetRequiredService<IArticleAnalyzer>().Analyze("Paris is big.", TestContext.Current.CancellationToken);
        _ = provider.GetRequiredService<ArticleAnalyzer>();
        Assert.Empty(analysis.Mentions);
        Assert.Equal(1, calls);
    }
}
