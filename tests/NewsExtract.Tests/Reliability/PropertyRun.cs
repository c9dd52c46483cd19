using System.Globalization;
using CsCheck;
using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Reliability;

/// <summary>
/// Runs a text generator against the analyzer and checks the invariants every analysis must keep:
/// no exception, valid ordered offsets (<see cref="OffsetInvariants"/>) and byte-identical JSON when
/// the same text is analysed twice.
/// </summary>
/// <remarks>
/// Case counts are fixed (not time-boxed) so every run checks the same amount; they are sized so the
/// reliability tests finish in about a minute on a 2-core machine. <c>NEWSEXTRACT_PROPERTY_ITERATIONS</c>
/// sets the total number of cases over all properties (default <see cref="DefaultTotal"/>), shared in
/// proportion to the weights below; <c>NEWSEXTRACT_PROPERTY_SEED</c> replays the seed a failure printed.
/// See docs/reliability.md.
/// </remarks>
internal static class PropertyRun
{
    /// <summary>The default total number of generated cases per run, over all properties.</summary>
    public const long DefaultTotal = 120_000;

    /// <summary>The sum of the weights passed by the property tests, so that the shares add up to the total.</summary>
    public const double TotalWeight = 1_000;

    private static readonly ArticleAnalyzer s_analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { IncludeTokens = true });

    /// <summary>One analyzer per <see cref="AnalysisStages"/> value, without tokens in the result.</summary>
    private static readonly ArticleAnalyzer[] s_stageAnalyzers =
    [
        ArticleAnalyzer.Create(new ArticleAnalyzerOptions { Stages = AnalysisStages.Tokens }),
        ArticleAnalyzer.Create(new ArticleAnalyzerOptions { Stages = AnalysisStages.Entities }),
        ArticleAnalyzer.Create(new ArticleAnalyzerOptions { Stages = AnalysisStages.Full }),
    ];

    public static long Total
    {
        get
        {
            string? value = Environment.GetEnvironmentVariable("NEWSEXTRACT_PROPERTY_ITERATIONS");
            return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long total) && total > 0 ? total : DefaultTotal;
        }
    }

    /// <summary>The number of cases for a property of the given weight (out of <see cref="TotalWeight"/>).</summary>
    public static long Iterations(double weight) => Math.Max(1, (long)Math.Round(Total * weight / TotalWeight));

    /// <summary>Checks the invariants on <see cref="Iterations"/> texts from <paramref name="gen"/>.</summary>
    public static void Check(Gen<string> gen, double weight)
    {
        long iterations = Iterations(weight);
        string? seed = Environment.GetEnvironmentVariable("NEWSEXTRACT_PROPERTY_SEED");
        gen.Sample(
            AssertInvariants,
            writeLine: line => TestContext.Current.SendDiagnosticMessage(line),
            seed: string.IsNullOrEmpty(seed) ? null : seed,
            iter: iterations,
            print: TextGen.Describe);
        TestContext.Current.SendDiagnosticMessage($"{iterations} generated cases");
    }

    /// <summary>Like <see cref="Check"/>, but each case also picks the stage setting it runs with.</summary>
    public static void CheckAllStages(Gen<string> gen, double weight)
    {
        long iterations = Iterations(weight);
        string? seed = Environment.GetEnvironmentVariable("NEWSEXTRACT_PROPERTY_SEED");
        Gen.Select(gen, Gen.Int[0, s_stageAnalyzers.Length - 1]).Sample(
            (text, stage) => AssertInvariants(s_stageAnalyzers[stage], text),
            writeLine: line => TestContext.Current.SendDiagnosticMessage(line),
            seed: string.IsNullOrEmpty(seed) ? null : seed,
            iter: iterations,
            print: c => $"Stages = {(AnalysisStages)(c.Item2 + 1)}, " + TextGen.Describe(c.Item1));
        TestContext.Current.SendDiagnosticMessage($"{iterations} generated cases");
    }

    /// <summary>Like <see cref="Check"/>, and the JSON must also survive a round trip through <see cref="ArticleAnalysisJson.Deserialize"/>.</summary>
    public static void CheckJsonRoundTrip(Gen<string> gen, double weight)
    {
        long iterations = Iterations(weight);
        string? seed = Environment.GetEnvironmentVariable("NEWSEXTRACT_PROPERTY_SEED");
        gen.Sample(
            text =>
            {
                AssertInvariants(text);
                string json = ArticleAnalysisJson.Serialize(s_analyzer.Analyze(text));
                if (!string.Equals(json, ArticleAnalysisJson.Serialize(ArticleAnalysisJson.Deserialize(json)), StringComparison.Ordinal))
                {
                    Assert.Fail("The JSON does not survive a round trip through ArticleAnalysisJson.Deserialize.");
                }
            },
            writeLine: line => TestContext.Current.SendDiagnosticMessage(line),
            seed: string.IsNullOrEmpty(seed) ? null : seed,
            iter: iterations,
            print: TextGen.Describe);
        TestContext.Current.SendDiagnosticMessage($"{iterations} generated cases");
    }

    public static void AssertInvariants(string text) => AssertInvariants(s_analyzer, text);

    public static void AssertInvariants(ArticleAnalyzer analyzer, string text)
    {
        ArticleAnalysis first = analyzer.Analyze(text);
        OffsetInvariants.AssertValid(text, first);
        OffsetInvariants.AssertSpeakersAgreeWithMentions(first);
        string json = ArticleAnalysisJson.Serialize(first);
        string again = ArticleAnalysisJson.Serialize(analyzer.Analyze(text));
        if (!string.Equals(json, again, StringComparison.Ordinal))
        {
            Assert.Fail("Analysing the same text twice gave different JSON.");
        }
    }
}
