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
        => Train(train, dev, bits, maxEpochs, seed, runs, DefaultGateRecall, log);

    /// <summary>The share of the training set's true ends the gate must pass (chosen on EWT dev, see docs/sentence-model.md).</summary>
    public const double DefaultGateRecall = 0.999;

    /// <summary>
    /// The share of the candidates at or above the gate's high threshold that the full model must call an end
    /// on dev (chosen on EWT dev, see docs/sentence-model.md); above 1 ships no high threshold.
    /// </summary>
    public const double DefaultGateAgreement = 0.999;

    private const int GateEpochs = 10;

    /// <summary>Trains a model with a gate that passes <paramref name="gateRecall"/> of the training set's true ends (0: no gate).</summary>
    /// <param name="train">Training documents.</param>
    /// <param name="dev">Documents the epoch is chosen on.</param>
    /// <param name="bits">The weight table has 2^bits entries.</param>
    /// <param name="maxEpochs">The most passes over the training documents.</param>
    /// <param name="seed">Seed of the first perceptron's document order.</param>
    /// <param name="runs">How many perceptrons are averaged.</param>
    /// <param name="gateRecall">The share of true ends in the training candidates the gate passes; 0 for no gate.</param>
    /// <param name="log">Receives one line per epoch.</param>
    /// <returns>The model of the best epoch, as bytes in the shipped format, and its dev sentence F1.</returns>
    public static (byte[] Model, double DevF1, int Epoch) Train(
        IReadOnlyList<ConlluDocument> train, IReadOnlyList<ConlluDocument> dev, int bits, int maxEpochs, int seed, int runs, double gateRecall, TextWriter log)
        => Train(train, dev, bits, maxEpochs, seed, runs, gateRecall, DefaultGateAgreement, log);

    /// <summary>
    /// Trains a model with a gate that passes <paramref name="gateRecall"/> of the training set's true ends (0: no gate)
    /// and a high threshold above which the gate's ends agree with the full model's on <paramref name="gateAgreement"/>
    /// of the dev candidates (above 1: no high threshold).
    /// </summary>
    /// <param name="train">Training documents.</param>
    /// <param name="dev">Documents the epoch and both thresholds are chosen on.</param>
    /// <param name="bits">The weight table has 2^bits entries.</param>
    /// <param name="maxEpochs">The most passes over the training documents.</param>
    /// <param name="seed">Seed of the first perceptron's document order.</param>
    /// <param name="runs">How many perceptrons are averaged.</param>
    /// <param name="gateRecall">The share of true ends in the training candidates the gate passes; 0 for no gate.</param>
    /// <param name="gateAgreement">The share of dev candidates at or above the high threshold the full model calls an end.</param>
    /// <param name="log">Receives one line per epoch.</param>
    /// <returns>The model of the best epoch, as bytes in the shipped format, and its dev sentence F1.</returns>
    public static (byte[] Model, double DevF1, int Epoch) Train(
        IReadOnlyList<ConlluDocument> train, IReadOnlyList<ConlluDocument> dev, int bits, int maxEpochs, int seed, int runs, double gateRecall, double gateAgreement, TextWriter log)
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

        short[] gate = gateRecall > 0 ? TrainGate(prepared, log) : [];
        SentenceModel? bestModel = null;

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
                bestModel = model;
            }
        }

        // The epoch is chosen without the gate; the gate's threshold then on dev against that model.
        SentenceModel chosen = bestModel!;
        if (gate.Length != 0)
        {
            List<Prepared> devPrepared = dev.Select(Prepared.From).ToList();
            foreach (double r in (ReadOnlySpan<double>)[0.99, 0.995, 0.998, 0.999, 1])
            {
                // What other recall levels would give (reported, not used).
                SentenceModel variant = bestModel!.WithGate(gate, ChooseThreshold(bestModel, gate, devPrepared, r, log));
                TokenizationScores variantScores = TokenizationEvaluator.Evaluate(dev, new SentenceSplitter(variant));
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"gate recall {r:F4}: threshold {variant.GateThreshold}, dev sentences F1 {variantScores.Sentences.F1:F2}"));
            }

            chosen = bestModel!.WithGate(gate, ChooseThreshold(bestModel!, gate, devPrepared, gateRecall, log));
            bestF1 = TokenizationEvaluator.Evaluate(dev, new SentenceSplitter(chosen)).Sentences.F1;

            // The high threshold, on dev, against the gated model: at or above it the gate's end stands without
            // the full features. What other agreement levels would give is reported, not used.
            List<(int Score, bool End)> open = CollectOpen(chosen, devPrepared);
            foreach (double a in (ReadOnlySpan<double>)[0.99, 0.995, 0.998, 0.999, 1])
            {
                SentenceModel variant = chosen.WithGate(gate, chosen.GateThreshold, ChooseHighThreshold(open, a, log));
                TokenizationScores variantScores = TokenizationEvaluator.Evaluate(dev, new SentenceSplitter(variant));
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"gate agreement {a:F4}: high threshold {variant.GateHighThreshold}, dev sentences F1 {variantScores.Sentences.F1:F2}"));
            }

            if (gateAgreement <= 1)
            {
                chosen = chosen.WithGate(gate, chosen.GateThreshold, ChooseHighThreshold(open, gateAgreement, log));
                bestF1 = TokenizationEvaluator.Evaluate(dev, new SentenceSplitter(chosen)).Sentences.F1;
            }
        }

        using (var buffer = new MemoryStream())
        {
            chosen.Write(buffer);
            best = buffer.ToArray();
        }

        return (best!, bestF1, bestEpoch);
    }

    /// <summary>
    /// Trains the gate (<see cref="SentenceGate"/>) as an averaged perceptron over every training candidate,
    /// then sets its threshold at the score that keeps <paramref name="recall"/> of the true ends.
    /// </summary>
    private static short[] TrainGate(List<Prepared> prepared, TextWriter log)
    {
        (int[] features, bool[] labels) = CollectGate(prepared);
        short[] gate = TrainGatePerceptron(features, labels, seed: 1);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gate: trained on {labels.Length} training candidates"));
        return gate;
    }

    /// <summary>
    /// The gate's threshold, chosen on the dev documents: the highest score that keeps <paramref name="recall"/>
    /// of the candidates the full model (without a gate) calls an end, so the gate changes few of its decisions.
    /// </summary>
    private static int ChooseThreshold(SentenceModel model, short[] gate, List<Prepared> dev, double recall, TextWriter log)
    {
        var accepted = new List<int>();
        var all = new List<int>();
        foreach (Prepared document in dev)
        {
            var recorder = new AcceptanceRecorder(model, gate, accepted, all);
            _ = SentenceSplitter.Split(document.Text, document.Tokens, document.Layout, ref recorder);
        }

        accepted.Sort();
        int threshold = accepted.Count == 0 ? int.MinValue : accepted[Math.Clamp((int)Math.Floor((1 - recall) * accepted.Count), 0, accepted.Count - 1)];
        int passed = all.Count(score => score >= threshold);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gate: threshold {threshold} keeps {recall:F4} of the {accepted.Count} dev ends the full model finds; passes {passed} of {all.Count} dev candidates ({100.0 * passed / Math.Max(1, all.Count):F1} %)"));
        return threshold;
    }

    /// <summary>
    /// Chooses only the gate's high threshold of an existing model (its full model, gate weights and gate
    /// threshold are kept bit for bit), on <paramref name="dev"/>, as <see cref="Train(IReadOnlyList{ConlluDocument}, IReadOnlyList{ConlluDocument}, int, int, int, int, double, double, TextWriter)"/>
    /// does after training. Idempotent: a model that already has a high threshold gets it chosen again.
    /// </summary>
    /// <param name="model">The model's bytes (any format version with a gate).</param>
    /// <param name="dev">Documents the high threshold is chosen on.</param>
    /// <param name="gateAgreement">The share of dev candidates at or above the high threshold the full model calls an end.</param>
    /// <param name="log">Receives the choice and the dev score.</param>
    /// <returns>The model with its high threshold, as bytes in the shipped format, and its dev sentence F1.</returns>
    public static (byte[] Model, double DevF1) ChooseHighThreshold(byte[] model, IReadOnlyList<ConlluDocument> dev, double gateAgreement, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dev);
        ArgumentNullException.ThrowIfNull(log);
        SentenceModel read = SentenceModel.Read(model);
        if (!read.HasGate)
        {
            throw new ArgumentException("The model has no gate, so it has no high threshold to choose.", nameof(model));
        }

        short[] gate = read.Gate.ToArray();
        SentenceModel low = read.WithGate(gate, read.GateThreshold);
        List<(int Score, bool End)> open = CollectOpen(low, dev.Select(Prepared.From).ToList());
        SentenceModel chosen = gateAgreement <= 1 ? low.WithGate(gate, low.GateThreshold, ChooseHighThreshold(open, gateAgreement, log)) : low;
        double before = TokenizationEvaluator.Evaluate(dev, new SentenceSplitter(low)).Sentences.F1;
        double after = TokenizationEvaluator.Evaluate(dev, new SentenceSplitter(chosen)).Sentences.F1;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dev sentences F1 {before:F2} without the high threshold, {after:F2} with it"));
        using var buffer = new MemoryStream();
        chosen.Write(buffer);
        return (buffer.ToArray(), after);
    }

    /// <summary>
    /// The gate score and the full model's decision of every dev candidate the gate passes, as
    /// <paramref name="model"/> (gated, without a high threshold) splits, highest score first.
    /// </summary>
    private static List<(int Score, bool End)> CollectOpen(SentenceModel model, List<Prepared> dev)
    {
        var open = new List<(int Score, bool End)>();
        foreach (Prepared document in dev)
        {
            var recorder = new OpenRecorder(model, open);
            _ = SentenceSplitter.Split(document.Text, document.Tokens, document.Layout, ref recorder);
        }

        // Sorted once for every agreement level read from it; the order within equal scores does not matter,
        // since a threshold takes all candidates of its score.
        open.Sort((x, y) => y.Score.CompareTo(x.Score));
        return open;
    }

    /// <summary>
    /// The lowest gate score at or above which at least <paramref name="agreement"/> of the dev candidates the gate
    /// passes are ends of the full model (<see cref="int.MaxValue"/> when none is); <paramref name="sorted"/> is
    /// <see cref="CollectOpen"/>'s list, highest score first.
    /// </summary>
    private static int ChooseHighThreshold(List<(int Score, bool End)> sorted, double agreement, TextWriter log)
    {
        int threshold = int.MaxValue;
        int above = 0;
        int count = 0;
        int disagree = 0;
        for (int k = 0; k < sorted.Count;)
        {
            int score = sorted[k].Score;
            for (; k < sorted.Count && sorted[k].Score == score; k++)
            {
                count++;
                disagree += sorted[k].End ? 0 : 1;
            }

            if (count - disagree >= agreement * count)
            {
                threshold = score;
                above = count;
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gate: high threshold {threshold} at agreement {agreement:F4}: {above} of the {sorted.Count} dev candidates the gate passes ({100.0 * above / Math.Max(1, sorted.Count):F1} %) skip the full model"));
        return threshold;
    }

    /// <summary>An averaged perceptron over the gate features of the training candidates, quantized.</summary>
    private static short[] TrainGatePerceptron(int[] features, bool[] labels, int seed)
    {
        const int K = SentenceGate.FeatureCount;
        double[] weights = new double[SentenceGate.TableSize];
        double[] totals = new double[SentenceGate.TableSize];
        long clock = 1;
        int[] shuffled = new int[labels.Length];
        for (int i = 0; i < shuffled.Length; i++)
        {
            shuffled[i] = i;
        }

        var random = new Random(seed);
        for (int epoch = 0; epoch < GateEpochs; epoch++)
        {
            random.Shuffle(shuffled);
            foreach (int c in shuffled)
            {
                ReadOnlySpan<int> f = features.AsSpan(c * K, K);
                double score = 0;
                foreach (int i in f)
                {
                    score += weights[i];
                }

                double y = labels[c] ? 1 : -1;
                if (score * y <= 0)
                {
                    foreach (int i in f)
                    {
                        weights[i] += y;
                        totals[i] += clock * y;
                    }
                }

                clock++;
            }
        }

        double[] averaged = new double[weights.Length];
        for (int i = 0; i < averaged.Length; i++)
        {
            averaged[i] = weights[i] - (totals[i] / clock);
        }

        return SentenceModel.QuantizeGate(averaged).Quantized;
    }

    private static int Score(short[] gate, int[] features, int candidate)
    {
        int sum = 0;
        foreach (int i in features.AsSpan(candidate * SentenceGate.FeatureCount, SentenceGate.FeatureCount))
        {
            sum += gate[i];
        }

        return sum;
    }

    /// <summary>The gate features and gold labels of every candidate, through the splitter's own code path.</summary>
    private static (int[] Features, bool[] Labels) CollectGate(List<Prepared> documents)
    {
        var features = new List<int>();
        var labels = new List<bool>();
        foreach (Prepared document in documents)
        {
            var recorder = new GateRecorder(document.GoldEnds, features, labels);
            _ = SentenceSplitter.Split(document.Text, document.Tokens, document.Layout, ref recorder);
        }

        return (features.ToArray(), labels.ToArray());
    }

    /// <summary>Runs the full model without a gate and records the gate score of every candidate it calls an end.</summary>
    private struct AcceptanceRecorder(SentenceModel model, short[] gate, List<int> accepted, List<int> all) : ISentenceBoundaryDecider
    {
        public readonly bool UsesGate => true;

        private int _score;

        public bool NeedsFullFeatures(Token[] tokens, int index, ReadOnlySpan<int> features, out bool split)
        {
            int sum = 0;
            foreach (int f in features)
            {
                sum += gate[f];
            }

            _score = sum;
            all.Add(sum);
            split = false;
            return true;
        }

        public readonly bool Decide(Token[] tokens, int index, ReadOnlySpan<ulong> features)
        {
            bool end = model.ScoreUnits(features) > 0;
            if (end)
            {
                accepted.Add(_score);
            }

            return end;
        }
    }

    /// <summary>Records the gate score and full decision of each candidate the gate passes; answers as the gated model does.</summary>
    private struct OpenRecorder(SentenceModel model, List<(int Score, bool End)> open) : ISentenceBoundaryDecider
    {
        private int _score;

        public readonly bool UsesGate => true;

        public bool NeedsFullFeatures(Token[] tokens, int index, ReadOnlySpan<int> gate, out bool split)
        {
            _score = model.GateScore(gate);
            split = false;
            return _score >= model.GateThreshold;
        }

        public readonly bool Decide(Token[] tokens, int index, ReadOnlySpan<ulong> features)
        {
            bool end = model.ScoreUnits(features) > 0;
            open.Add((_score, end));
            return end;
        }
    }

    /// <summary>Records each candidate's gate features and gold label and answers with the gold label.</summary>
    private readonly struct GateRecorder(HashSet<int> goldEnds, List<int> features, List<bool> labels) : ISentenceBoundaryDecider
    {
        public bool UsesGate => true;

        public bool NeedsFullFeatures(Token[] tokens, int index, ReadOnlySpan<int> gate, out bool split)
        {
            split = goldEnds.Contains(tokens[index].End);
            foreach (int f in gate)
            {
                features.Add(f);
            }

            labels.Add(split);
            return false;
        }

        public bool Decide(Token[] tokens, int index, ReadOnlySpan<ulong> features) => throw new InvalidOperationException("The gate recorder never needs the full features.");
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

        /// <summary>The full model learns from every candidate, whatever the gate says.</summary>
        public readonly bool UsesGate => false;

        /// <summary>Not called: <see cref="UsesGate"/> is false.</summary>
        public readonly bool NeedsFullFeatures(Token[] tokens, int index, ReadOnlySpan<int> gate, out bool split)
        {
            split = false;
            return true;
        }

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
