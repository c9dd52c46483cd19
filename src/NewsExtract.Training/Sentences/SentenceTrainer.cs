using System.Globalization;
using NewsExtract.Structure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;
using NewsExtract.Training.Evaluation;

namespace NewsExtract.Training.Sentences;

/// <summary>
/// Trains the sentence-boundary model (<see cref="SentenceModel"/>) as an averaged perceptron over the
/// candidate gaps the splitter itself visits, on CoNLL-U documents: a gap is positive when a gold sentence
/// ends at the end of the token before it. The splitter runs its own code path with a decider that
/// records the features and answers with the gold label, so training sees exactly the candidates, rule
/// marks and sentence state of run time. Several perceptrons learn side by side, each visiting the
/// documents in its own order (shuffled with seeds <c>seed</c>, <c>seed + 1</c>, ...); after each epoch
/// their averaged weights are averaged again (a bagged ensemble, which takes out most of the variance
/// one document order brings), quantized as they will be shipped and scored on the dev documents, and
/// the best epoch (sentence F1, earliest on ties) is kept.
/// </summary>
public static class SentenceTrainer
{
    /// <summary>Trains a model.</summary>
    /// <param name="train">Training documents.</param>
    /// <param name="dev">Documents the epoch is chosen on.</param>
    /// <param name="bits">The weight table has 2^bits entries.</param>
    /// <param name="maxEpochs">The most passes over the training documents.</param>
    /// <param name="seed">Seed of the first perceptron's document order.</param>
    /// <param name="runs">How many perceptrons are averaged.</param>
    /// <param name="log">Receives one line per epoch.</param>
    /// <returns>The model of the best epoch, as bytes in the shipped format, and its dev sentence F1.</returns>
    public static (byte[] Model, double DevF1, int Epoch) Train(
        IReadOnlyList<ConlluDocument> train, IReadOnlyList<ConlluDocument> dev, int bits, int maxEpochs, int seed, int runs, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(dev);
        ArgumentNullException.ThrowIfNull(log);
        if (bits is < 8 or > 24 || maxEpochs < 1 || runs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), "bits must be 8..24, epochs and runs at least 1.");
        }

        var prepared = new List<Prepared>(train.Count);
        foreach (ConlluDocument document in train)
        {
            prepared.Add(Prepared.From(document));
        }

        var perceptrons = new Perceptron[runs];
        var randoms = new Random[runs];
        var orders = new int[runs][];
        for (int r = 0; r < runs; r++)
        {
            perceptrons[r] = new Perceptron(bits);
            randoms[r] = new Random(seed + r);
            orders[r] = new int[prepared.Count];
            for (int i = 0; i < prepared.Count; i++)
            {
                orders[r][i] = i;
            }
        }

        byte[]? best = null;
        double bestF1 = -1;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= maxEpochs; epoch++)
        {
            int mistakes = 0;
            int candidates = 0;
            double[] ensemble = new double[1 << bits];
            for (int r = 0; r < runs; r++)
            {
                randoms[r].Shuffle(orders[r]);
                foreach (int d in orders[r])
                {
                    Prepared document = prepared[d];
                    var decider = new GoldDecider(perceptrons[r], document.GoldEnds);
                    _ = SentenceSplitter.Split(document.Text, document.Tokens, document.Layout, ref decider);
                    mistakes += decider.Mistakes;
                    candidates += decider.Candidates;
                }

                double[] averaged = perceptrons[r].Averaged();
                for (int i = 0; i < ensemble.Length; i++)
                {
                    ensemble[i] += averaged[i] / runs;
                }
            }

            SentenceModel model = SentenceModel.FromWeights(bits, ensemble);
            TokenizationScores scores = TokenizationEvaluator.Evaluate(dev, new SentenceSplitter(model));
            double f1 = scores.Sentences.F1;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch}: candidates {candidates} training mistakes {mistakes} dev sentences P {scores.Sentences.Precision:F2} R {scores.Sentences.Recall:F2} F1 {f1:F2}"));
            if (f1 > bestF1)
            {
                bestF1 = f1;
                bestEpoch = epoch;
                using var buffer = new MemoryStream();
                model.Write(buffer);
                best = buffer.ToArray();
            }
        }

        return (best!, bestF1, bestEpoch);
    }

    private sealed record Prepared(string Text, Token[] Tokens, ArticleLayout Layout, HashSet<int> GoldEnds)
    {
        public static Prepared From(ConlluDocument document)
        {
            var ends = new HashSet<int>();
            foreach ((_, int end) in document.Sentences)
            {
                ends.Add(end);
            }

            return new Prepared(document.Text, TextTokenizer.Tokenize(document.Text), PlainTextLayout.Create(document.Text), ends);
        }
    }

    /// <summary>Dense averaged-perceptron weights (the lazy-average trick: w - u / c).</summary>
    private sealed class Perceptron(int bits)
    {
        private readonly double[] _weights = new double[1 << bits];
        private readonly double[] _totals = new double[1 << bits];
        private readonly int _shift = 64 - bits;
        private long _clock = 1;

        public bool Learn(ReadOnlySpan<ulong> features, bool gold)
        {
            double score = 0;
            foreach (ulong f in features)
            {
                score += _weights[(int)(f >> _shift)];
            }

            double y = gold ? 1 : -1;
            bool wrong = score * y <= 0;
            if (wrong)
            {
                foreach (ulong f in features)
                {
                    int i = (int)(f >> _shift);
                    _weights[i] += y;
                    _totals[i] += _clock * y;
                }
            }

            _clock++;
            return wrong;
        }

        public double[] Averaged()
        {
            var averaged = new double[_weights.Length];
            for (int i = 0; i < averaged.Length; i++)
            {
                averaged[i] = _weights[i] - (_totals[i] / _clock);
            }

            return averaged;
        }
    }

    /// <summary>Learns from each candidate and answers with the gold label (teacher forcing).</summary>
    private struct GoldDecider(Perceptron perceptron, HashSet<int> goldEnds) : ISentenceBoundaryDecider
    {
        public int Mistakes;

        public int Candidates;

        public bool Decide(Token[] tokens, int index, ReadOnlySpan<ulong> features)
        {
            bool gold = goldEnds.Contains(tokens[index].End);
            Candidates++;
            if (perceptron.Learn(features, gold))
            {
                Mistakes++;
            }

            return gold;
        }
    }
}
