using System.Text.Json;
using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Fixtures;

/// <summary>
/// The article the project was specified with (../shared/fixtures), analysed end to end.
/// These assertions tighten as the entity, resolution and quote stages improve.
/// </summary>
public class SeedArticleTests
{
    [Fact]
    public void Analyze_SeedArticle_ContractValidWithPeoplePlacesOrganizationsAndQuotes()
    {
        string text = File.ReadAllText(SharedData.Require("fixtures/seed-article.txt"));
        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken);

        OffsetInvariants.AssertValid(text, analysis);
        Assert.Contains(analysis.Entities, e => e.Type == EntityType.Person);
        Assert.Contains(analysis.Entities, e => e.Type == EntityType.Location);
        Assert.Contains(analysis.Entities, e => e.Type == EntityType.Organization);
        Assert.NotEmpty(analysis.Quotes);
    }

    [Fact]
    public void Analyze_SeedArticle_TitleMatchesGold()
    {
        string text = File.ReadAllText(SharedData.Require("fixtures/seed-article.txt"));
        using JsonDocument gold = JsonDocument.Parse(File.ReadAllText(SharedData.Require("fixtures/seed-article.gold.json")));
        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken);
        Assert.Equal(gold.RootElement.GetProperty("title").GetString(), analysis.Title);
    }
}
