using NewsExtract.Entities;
using NewsExtract.Tests.Infrastructure;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Ner;

namespace NewsExtract.Tests.Training;

/// <summary>
/// Regression floors for the shipped model: each test set's micro F1 must stay within a little of the
/// figure documented in docs/accuracy.md (evaluation only; no training here).
/// </summary>
public class NerAccuracyTests
{
    [Theory]
    [InlineData("ner/conll2003/test.conll", DocumentedF1.Conll)]
    [InlineData("ner/wikigold/test.conll", DocumentedF1.Wikigold)]
    [InlineData("ner/uner_en_ewt/test.conll", DocumentedF1.Ewt)]
    [InlineData("ner/btc/test.conll", DocumentedF1.Btc)]
    [InlineData("ner/wnut17/test.conll", DocumentedF1.Wnut)]
    public void Evaluate_ShippedModel_StaysNearDocumentedF1(string file, double documented)
    {
        string path = SharedData.Require("data/" + file);
        NerScores scores = NerEvaluator.Evaluate(NerModel.Default, ConllReader.Read(path));
        Assert.True(scores.Micro.F1 >= documented - 0.3, $"{file}: micro F1 {scores.Micro.F1:0.00} < documented {documented:0.00} - 0.3\n{scores.ToText()}");
    }

    /// <summary>The figures in docs/accuracy.md (entity recognition section).</summary>
    private static class DocumentedF1
    {
        public const double Conll = 89.66;
        public const double Wikigold = 68.36;
        public const double Ewt = 72.60;
        public const double Btc = 65.68;
        public const double Wnut = 42.86;
    }
}
