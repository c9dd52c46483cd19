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

    /// <summary>
    /// The end-to-end gold check of ../shared/tools/seedcheck.py: every gold entity is one predicted
    /// entity with the right type and canonical name covering its mentions, no gold non-entity is a
    /// mention, and every gold quote overlaps (by half its span) a quote whose speaker's last name is right.
    /// </summary>
    [Fact]
    public void Analyze_SeedArticle_AllGoldEntitiesAndQuoteSpeakers()
    {
        string text = File.ReadAllText(SharedData.Require("fixtures/seed-article.txt"));
        using JsonDocument gold = JsonDocument.Parse(File.ReadAllText(SharedData.Require("fixtures/seed-article.gold.json")));
        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken);
        var problems = new List<string>();

        foreach (JsonElement g in gold.RootElement.GetProperty("entities").EnumerateArray())
        {
            string name = g.GetProperty("name").GetString()!;
            string type = g.GetProperty("type").GetString()!;
            var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonElement a in g.GetProperty("aliases").EnumerateArray())
            {
                aliases.Add(a.GetString()!);
            }

            Entity? entity = analysis.Entities.FirstOrDefault(e => e.Type.ToString() == type
                && (aliases.Contains(e.Name) || e.Aliases.Any(aliases.Contains)));
            var ids = analysis.Mentions.Where(m => aliases.Contains(m.Text)).Select(m => m.EntityId).Distinct().ToList();
            if (entity is null || ids.Count != 1 || !string.Equals(entity.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"entity {name} ({type}): found {entity?.Name ?? "nothing"}, mentions in {ids.Count} entities");
            }
        }

        foreach (JsonElement n in gold.RootElement.GetProperty("notEntities").EnumerateArray())
        {
            if (analysis.Mentions.Any(m => m.Text == n.GetString()))
            {
                problems.Add($"not an entity but a mention: {n.GetString()}");
            }
        }

        foreach (JsonElement g in gold.RootElement.GetProperty("quotes").EnumerateArray())
        {
            int start = g.GetProperty("start").GetInt32();
            int end = g.GetProperty("end").GetInt32();
            var lastNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { LastWord(g.GetProperty("speaker").GetString()!) };
            if (g.TryGetProperty("acceptableSpeakers", out JsonElement acceptable))
            {
                foreach (JsonElement a in acceptable.EnumerateArray())
                {
                    lastNames.Add(LastWord(a.GetString()!));
                }
            }

            bool right = analysis.Quotes.Any(q => Math.Min(q.End, end) - Math.Max(q.Start, start) >= (end - start) / 2.0
                && q.Speaker is not null && lastNames.Contains(LastWord(q.Speaker.Name)));
            if (!right)
            {
                problems.Add($"quote without its speaker: {g.GetProperty("text").GetString()![..Math.Min(40, end - start)]}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string LastWord(string name)
    {
        string trimmed = name.Trim();
        int space = trimmed.LastIndexOf(' ');
        return space < 0 ? trimmed : trimmed[(space + 1)..];
    }
}
