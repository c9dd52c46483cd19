using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Golden;

/// <summary>
/// Golden fixtures: short news-style articles written for these tests (never copied from a data set),
/// each exercising one rule family, analysed end to end and compared byte for byte with the reviewed
/// <c>.expected.json</c> beside it. They need nothing outside the repository, so they pin behaviour in a
/// clean clone. After a deliberate change, <c>UPDATE_GOLDEN=1 dotnet test -c Release --filter Golden</c>
/// rewrites the expected files in the source tree; review the diff before committing it.
/// </summary>
public sealed class GoldenArticleTests
{
    private static readonly Lazy<IArticleAnalyzer> s_analyzer = new(ArticleAnalyzer.CreateDefault);

    private static string FixtureFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Golden");

    private static bool Updating => string.Equals(Environment.GetEnvironmentVariable("UPDATE_GOLDEN"), "1", StringComparison.Ordinal);

    public static TheoryData<string> Articles()
    {
        var data = new TheoryData<string>();
        string[] files = Directory.GetFiles(FixtureFolder, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_twenty_golden_articles_each_with_its_expected_output()
    {
        string[] articles = Directory.GetFiles(FixtureFolder, "*.txt");
        Assert.True(articles.Length >= 20, $"only {articles.Length} golden articles in {FixtureFolder}");
        if (!Updating)
        {
            foreach (string article in articles)
            {
                string expected = Path.ChangeExtension(article, ".expected.json");
                Assert.True(File.Exists(expected), $"{Path.GetFileName(article)} has no {Path.GetFileName(expected)}; run UPDATE_GOLDEN=1 dotnet test and review it");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Analysis_matches_the_reviewed_expected_output(string name)
    {
        string text = File.ReadAllText(Path.Combine(FixtureFolder, name + ".txt"));
        ArticleAnalysis analysis = s_analyzer.Value.Analyze(text, TestContext.Current.CancellationToken);
        string actual = ArticleAnalysisJson.Serialize(analysis, indented: true).ReplaceLineEndings("\n") + "\n";

        if (Updating)
        {
            Assert.False(SharedData.IsCi, "UPDATE_GOLDEN=1 rewrites the expected files; it is never set in CI.");
            string source = Path.Combine(SharedData.RepositoryRoot, "tests", "NewsExtract.Tests", "Fixtures", "Golden", name + ".expected.json");
            File.WriteAllText(source, actual);
            return;
        }

        string expected = File.ReadAllText(Path.Combine(FixtureFolder, name + ".expected.json")).ReplaceLineEndings("\n");
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            int at = FirstDifference(expected, actual);
            Assert.Fail($"{name}: the analysis differs from {name}.expected.json at character {at}:\n"
                + $"expected: ...{Excerpt(expected, at)}...\nactual:   ...{Excerpt(actual, at)}...\n"
                + "If the change is deliberate, run UPDATE_GOLDEN=1 dotnet test -c Release --filter Golden and review the diff.");
        }
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Offsets_are_valid_and_every_speaker_agrees_with_the_mention_it_points_at(string name)
    {
        string text = File.ReadAllText(Path.Combine(FixtureFolder, name + ".txt"));
        ArticleAnalysis analysis = s_analyzer.Value.Analyze(text, TestContext.Current.CancellationToken);
        OffsetInvariants.AssertValid(text, analysis);
        OffsetInvariants.AssertSpeakersAgreeWithMentions(analysis);
    }

    private static int FirstDifference(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }

    private static string Excerpt(string s, int at)
    {
        int start = Math.Max(0, at - 60);
        int end = Math.Min(s.Length, at + 60);
        return s[start..end].Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
