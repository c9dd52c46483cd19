using NewsExtract.Entities;
using NewsExtract.Tests.Infrastructure;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Ner;

namespace NewsExtract.Tests.Training;

/// <summary>
/// Regression floors for the shipped models: each test set's micro F1 must stay within 0.3 of the
/// figure documented in docs/accuracy.md (evaluation only; no training here).
/// </summary>
public class NerAccuracyTests
{
    /// <summary>The default model's test figures (docs/accuracy.md, entity recognition section).</summary>
    [Theory]
    [InlineData("ner/conll2003/test.conll", 90.13)]
    [InlineData("ner/conllpp/test.conll", 90.69)]
    [InlineData("ner/cleanconll/test.conll", 86.57)]
    [InlineData("ner/uner_en_ewt/test.conll", 75.68)]
    [InlineData("ner/wikigold/test.conll", 73.74)]
    [InlineData("ner/btc/test.conll", 66.27)]
    [InlineData("ner/wnut17/test.conll", 47.69)]
    [InlineData("ner/crossner_politics/test.conll", 82.94)]
    [InlineData("ner/crossner_science/test.conll", 82.61)]
    [InlineData("ner/crossner_literature/test.conll", 80.19)]
    [InlineData("ner/crossner_ai/test.conll", 74.11)]
    [InlineData("ner/crossner_music/test.conll", 71.19)]
    [InlineData("ner/litbank/test.conll", 76.78)]
    [InlineData("ner/re3d/test.conll", 62.11)]
    public void Evaluate_DefaultModel_StaysNearDocumentedF1(string file, double documented)
        => AssertNear(NerModel.Default, file, documented);

    /// <summary>The licence-clean model's test figures (same section).</summary>
    [Theory]
    [InlineData("ner/conll2003/test.conll", 71.72)]
    [InlineData("ner/uner_en_ewt/test.conll", 75.59)]
    [InlineData("ner/wikigold/test.conll", 68.84)]
    [InlineData("ner/btc/test.conll", 66.68)]
    [InlineData("ner/wnut17/test.conll", 46.74)]
    [InlineData("ner/crossner_politics/test.conll", 82.09)]
    [InlineData("ner/crossner_science/test.conll", 80.60)]
    [InlineData("ner/crossner_literature/test.conll", 80.07)]
    [InlineData("ner/crossner_ai/test.conll", 73.46)]
    [InlineData("ner/crossner_music/test.conll", 67.92)]
    [InlineData("ner/litbank/test.conll", 80.71)]
    [InlineData("ner/re3d/test.conll", 42.57)]
    public void Evaluate_OpenModel_StaysNearDocumentedF1(string file, double documented)
        => AssertNear(NerModel.Open, file, documented);

    private static void AssertNear(NerModel model, string file, double documented)
    {
        string path = SharedData.Require("data/" + file);
        NerScores scores = NerEvaluator.Evaluate(model, ConllReader.Read(path));
        Assert.True(scores.Micro.F1 >= documented - 0.3, $"{file}: micro F1 {scores.Micro.F1:0.00} < documented {documented:0.00} - 0.3\n{scores.ToText()}");
    }
}
