using CsCheck;

namespace NewsExtract.Tests.Reliability;

/// <summary>
/// Property tests: generated text of every awkward kind never makes the analyzer throw, produce an
/// invalid offset or answer differently twice. Weights (out of <see cref="PropertyRun.TotalWeight"/>)
/// share the run's case count; cheap generators get more cases, megabyte inputs very few.
/// </summary>
public class AnalyzerPropertyTests
{
    [Fact]
    public void Analyze_RandomCodeUnits_KeepsInvariants() => PropertyRun.Check(TextGen.RandomUnicode, 100);

    [Fact]
    public void Analyze_LoneSurrogates_KeepsInvariants() => PropertyRun.Check(TextGen.LoneSurrogates, 120);

    [Fact]
    public void Analyze_ControlCharacters_KeepsInvariants() => PropertyRun.Check(TextGen.ControlCharacters, 120);

    [Fact]
    public void Analyze_NoSpaces_KeepsInvariants() => PropertyRun.Check(TextGen.NoSpaces, 50);

    [Fact]
    public void Analyze_OnlyPunctuation_KeepsInvariants() => PropertyRun.Check(TextGen.OnlyPunctuation, 100);

    [Fact]
    public void Analyze_MixedScripts_KeepsInvariants() => PropertyRun.Check(TextGen.MixedScripts, 110);

    [Fact]
    public void Analyze_Chaos_KeepsInvariants() => PropertyRun.Check(TextGen.Chaos, 100);

    [Fact]
    public void Analyze_LineStructure_KeepsInvariants() => PropertyRun.Check(TextGen.Lines, 60);

    [Fact]
    public void Analyze_NewsLikeArticles_KeepsInvariants() => PropertyRun.Check(NewsText.Article, 150);

    [Fact]
    public void Analyze_ThousandsOfQuoteMarks_KeepsInvariants() => PropertyRun.Check(TextGen.QuoteStorm, 5);

    [Fact]
    public void Analyze_VeryLongTokens_KeepsInvariants() => PropertyRun.Check(TextGen.LongTokens, 4.9);

    /// <summary>Every <see cref="AnalysisStages"/> setting, without tokens in the result: the other code paths.</summary>
    [Fact]
    public void Analyze_EveryStageSetting_KeepsInvariants()
        => PropertyRun.CheckAllStages(Gen.OneOf(NewsText.Article, TextGen.Chaos, TextGen.OnlyPunctuation), 30);

    /// <summary>The JSON (tokens included, lone surrogates and control characters escaped) reads back to the same JSON.</summary>
    [Fact]
    public void Serialize_GeneratedAnalyses_RoundTripExactly()
        => PropertyRun.CheckJsonRoundTrip(Gen.OneOf(TextGen.Chaos, TextGen.LoneSurrogates, TextGen.ControlCharacters, NewsText.Article), 50);

    /// <summary>A handful of paragraphs of 100 KB to 1 MB without a line break: guards against super-linear stages.</summary>
    [Fact]
    public void Analyze_HugeParagraphs_KeepsInvariants() => PropertyRun.Check(NewsText.HugeParagraph(1_000, 10_000), 0.1);
}
