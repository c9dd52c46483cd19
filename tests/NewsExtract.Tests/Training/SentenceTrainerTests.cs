using System.Text;
using NewsExtract.Text.Sentences;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Sentences;

namespace NewsExtract.Tests.Training;

public sealed class SentenceTrainerTests
{
    /// <summary>
    /// Paragraphs of four sentences with no punctuation at all: each ends in "ok" and the next starts
    /// with a capital ("... ok Later we ..."). The rules see one sentence per paragraph; a learned model
    /// can pick up where the sentences end.
    /// </summary>
    private static string Corpus(int documents)
    {
        string[] words = ["we", "met", "them", "there", "today", "and", "left", "early", "the", "plan", "works"];
        var random = new Random(7);
        var conllu = new StringBuilder();
        for (int d = 0; d < documents; d++)
        {
            conllu.Append("# newdoc id = d").Append(d).Append('\n').Append("# newpar\n");
            for (int s = 0; s < 4; s++)
            {
                var forms = new List<string> { s % 2 == 0 ? "Then" : "Later" };
                int length = random.Next(3, 8);
                for (int w = 0; w < length; w++)
                {
                    forms.Add(words[random.Next(words.Length)]);
                }

                forms.Add("ok");
                conllu.Append("# text = ").Append(string.Join(' ', forms)).Append('\n');
                for (int i = 0; i < forms.Count; i++)
                {
                    conllu.Append(i + 1).Append('\t').Append(forms[i]).Append("\t_\t_\t_\t_\t0\t_\t_\t_\n");
                }

                conllu.Append('\n');
            }
        }

        return conllu.ToString();
    }

    [Fact]
    public void Train_UnpunctuatedEnds_LearnsThemAndIsReproducible()
    {
        IReadOnlyList<ConlluDocument> train = ConlluReader.Read(Corpus(60), "train");
        IReadOnlyList<ConlluDocument> dev = ConlluReader.Read(Corpus(10), "dev");

        // The rules alone see one sentence per paragraph here.
        TokenizationScores before = TokenizationEvaluator.Evaluate(dev);
        Assert.True(before.Sentences.F1 < 50, $"rules: {before.Sentences.F1:F2}");

        (byte[] model, double devF1, _) = SentenceTrainer.Train(train, dev, bits: 14, maxEpochs: 4, seed: 1, runs: 2, TextWriter.Null);
        Assert.True(devF1 > 95, $"dev F1 {devF1:F2}");
        TokenizationScores after = TokenizationEvaluator.Evaluate(dev, new SentenceSplitter(SentenceModel.Read(model)));
        Assert.Equal(devF1, after.Sentences.F1, 6);

        (byte[] again, _, _) = SentenceTrainer.Train(train, dev, bits: 14, maxEpochs: 4, seed: 1, runs: 2, TextWriter.Null);
        Assert.Equal(model, again);
    }

    [Fact]
    public void ChooseHighThreshold_TrainedModel_KeepsTheWeightsAndIsIdempotent()
    {
        IReadOnlyList<ConlluDocument> train = ConlluReader.Read(Corpus(60), "train");
        IReadOnlyList<ConlluDocument> dev = ConlluReader.Read(Corpus(10), "dev");
        (byte[] model, double devF1, _) = SentenceTrainer.Train(train, dev, bits: 14, maxEpochs: 4, seed: 1, runs: 2, TextWriter.Null);

        // The trainer's own choice, made again on the same dev documents: the same bytes.
        (byte[] again, double againF1) = SentenceTrainer.ChooseHighThreshold(model, dev, SentenceTrainer.DefaultGateAgreement, TextWriter.Null);
        Assert.Equal(model, again);
        Assert.Equal(devF1, againF1, 6);

        // Without a high threshold: the same full model and gate, only the high threshold differs.
        (byte[] none, _) = SentenceTrainer.ChooseHighThreshold(model, dev, gateAgreement: 2, TextWriter.Null);
        SentenceModel a = SentenceModel.Read(model);
        SentenceModel b = SentenceModel.Read(none);
        Assert.Equal(int.MaxValue, b.GateHighThreshold);
        Assert.InRange(a.GateHighThreshold, a.GateThreshold, int.MaxValue - 1);
        Assert.Equal(a.Quantized, b.Quantized);
        Assert.True(a.Gate.SequenceEqual(b.Gate));
        Assert.Equal(a.GateThreshold, b.GateThreshold);
    }
}
