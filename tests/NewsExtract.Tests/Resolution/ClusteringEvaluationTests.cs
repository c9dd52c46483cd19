namespace NewsExtract.Tests.Resolution;

/// <summary>The mention-clustering set (ClusteringCases.json, written for this project) scored pairwise.</summary>
public class ClusteringEvaluationTests
{
    [Fact]
    public void Resolve_ClusteringCases_AtLeastFortyCasesWithNegatives()
    {
        List<ClusteringCase> cases = ClusteringScorer.LoadCases();
        Assert.True(cases.Count >= 40, $"only {cases.Count} cases");
        Assert.Contains(cases, c => c.Mentions.Select(m => m.Cluster).Distinct().Count() > 1 && c.Mentions.Any(m => m.Type == EntityType.Person));
    }

    [Fact]
    public void Resolve_AllClusteringCases_PrecisionAtLeast98RecallAtLeast90()
    {
        ClusteringScore score = ClusteringScorer.Score(ClusteringScorer.LoadCases());
        TestContext.Current.TestOutputHelper?.WriteLine("all cases: " + score);
        foreach (string error in score.Errors)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(error);
        }

        Assert.True(score.Precision >= 0.98, score + Environment.NewLine + string.Join(Environment.NewLine, score.Errors));
        Assert.True(score.Recall >= 0.90, score + Environment.NewLine + string.Join(Environment.NewLine, score.Errors));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("test")]
    public void Resolve_ClusteringSplit_ReportsScore(string split)
    {
        List<ClusteringCase> cases = ClusteringScorer.LoadCases().Where(c => c.Split == split).ToList();
        Assert.NotEmpty(cases);
        ClusteringScore score = ClusteringScorer.Score(cases);
        TestContext.Current.TestOutputHelper?.WriteLine($"{split} ({cases.Count} cases): {score}");
        Assert.True(score.Precision >= 0.95, score.ToString());
    }

    [Fact]
    public void Resolve_ClusteringCases_CanonicalNamesAsWritten()
    {
        var wrong = new List<string>();
        foreach (ClusteringCase c in ClusteringScorer.LoadCases())
        {
            (NewsExtract.Internal.AnalysisDocument document, int[] predicted) = ClusteringScorer.Resolve(c);
            foreach ((string cluster, string name) in c.Names)
            {
                int i = c.Mentions.FindIndex(m => m.Cluster == cluster);
                string actual = predicted[i] >= 0 ? document.Entities[predicted[i]].Name : "(dropped)";
                if (actual != name)
                {
                    wrong.Add($"{c.Id}/{cluster}: expected '{name}', got '{actual}'");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }
}
