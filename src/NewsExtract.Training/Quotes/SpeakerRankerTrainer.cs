using NewsExtract.Quotes;
using NewsExtract.Training.Evaluation;

namespace NewsExtract.Training.Quotes;

/// <summary>
/// One matched quote: its candidates' features, which candidates name the gold speaker, which one is "no speaker"
/// (-1: none), and whether the ranker trains on it (a quote whose gold speaker is no candidate only serves the
/// confidence calibration, where naming anyone is wrong).
/// </summary>
internal sealed record SpeakerExample(uint[][] Candidates, bool[] Correct, int None = -1, bool Train = true);

/// <summary>One quote candidate for the detector: its features and whether it matches a gold quote.</summary>
internal sealed record DetectionExample(uint[] Features, bool Speech);

/// <summary>
/// Trains the speaker ranker (<see cref="SpeakerRankingModel"/>): a conditional logit over each quote's
/// candidates, fitted by full-batch AdaGrad with L2 regularisation. Deterministic: no sampling, examples
/// in file order, features in first-seen order, so the same data gives the same model bit for bit.
/// </summary>
internal static class SpeakerRankerTrainer
{
    /// <summary>Training settings, chosen by cross-validation on GGT dev (docs/quotes.md).</summary>
    internal sealed record Settings(int Iterations = 300, double LearningRate = 0.3, double L2 = 1.0, double DetectionL2 = 1.0, bool Detection = true,
        double DetectionThreshold = 0.0, int CalibrationFolds = 5)
    {
        /// <summary>
        /// Settings from the environment (NEWSEXTRACT_QUOTE_ITERATIONS, _RATE, _L2, NEWSEXTRACT_DETECT_L2, and
        /// NEWSEXTRACT_DETECT=0 for no detector), for cross-validated tuning only.
        /// </summary>
        public static Settings FromEnvironment()
        {
            var d = new Settings();
            return new Settings(
                Read("NEWSEXTRACT_QUOTE_ITERATIONS", d.Iterations),
                Read("NEWSEXTRACT_QUOTE_RATE", d.LearningRate),
                Read("NEWSEXTRACT_QUOTE_L2", d.L2),
                Read("NEWSEXTRACT_DETECT_L2", d.DetectionL2),
                Read("NEWSEXTRACT_DETECT", 1) != 0,
                Read("NEWSEXTRACT_DETECT_THRESHOLD", d.DetectionThreshold),
                Read("NEWSEXTRACT_CALIBRATION_FOLDS", d.CalibrationFolds));
        }

        private static T Read<T>(string name, T fallback)
            where T : IParsable<T>
            => Environment.GetEnvironmentVariable(name) is string v && T.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out T? parsed) ? parsed : fallback;
    }

    /// <summary>
    /// Runs the rule pass over the articles (no model) and turns each predicted quote that matches a gold
    /// quote into an example: its candidates and which of them name the gold speaker (same last word; "no
    /// speaker" when gold has none). Quotes whose gold speaker is no candidate teach nothing and are left out,
    /// except where the rule pass named nobody: there "no speaker" is the label. (Labelling every such quote
    /// "no speaker" was tried: it cost 2.5 points of cross-validated speaker accuracy.)
    /// </summary>
    public static List<SpeakerExample>[] Collect(IReadOnlyList<QuoteArticle> articles, CancellationToken cancellationToken = default)
        => Collect(articles, out _, cancellationToken);

    /// <summary>
    /// As <see cref="Collect(IReadOnlyList{QuoteArticle}, CancellationToken)"/>, over every quote candidate (the loose
    /// ones the strict rules reject included), and also the detector's examples: each candidate, labelled speech
    /// when it is matched to a gold quote (the scorer's one-to-one matching).
    /// </summary>
    public static List<SpeakerExample>[] Collect(IReadOnlyList<QuoteArticle> articles, out List<DetectionExample>[] detection, CancellationToken cancellationToken = default)
    {
        ArticleAnalyzer rules = ArticleAnalyzer.CreateForQuoteTraining(new ArticleAnalyzerOptions());
        var result = new List<SpeakerExample>[articles.Count];
        detection = new List<DetectionExample>[articles.Count];
        var trace = new List<RankedQuote>();
        for (int a = 0; a < articles.Count; a++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            trace.Clear();
            rules.Analyze(articles[a].Text, trace, cancellationToken);
            var spans = new List<(int Start, int End)>(trace.Count);
            foreach (RankedQuote q in trace)
            {
                spans.Add((q.Start, q.End));
            }

            int[] match = QuoteEvaluator.Match(articles[a].Quotes, spans);
            var speech = new bool[trace.Count];
            foreach (int m in match)
            {
                if (m >= 0)
                {
                    speech[m] = true;
                }
            }

            var detected = new List<DetectionExample>(trace.Count);
            for (int q = 0; q < trace.Count; q++)
            {
                detected.Add(new DetectionExample(trace[q].Detection, speech[q]));
            }

            detection[a] = detected;
            var examples = new List<SpeakerExample>();
            for (int g = 0; g < match.Length; g++)
            {
                if (match[g] < 0)
                {
                    continue;
                }

                SpeakerCandidate[] candidates = trace[match[g]].Candidates;
                var correct = new bool[candidates.Length];
                bool any = false;
                for (int c = 0; c < candidates.Length; c++)
                {
                    correct[c] = QuoteEvaluator.NamesMatch(articles[a].Quotes[g].SpeakerName, candidates[c].Speaker?.Name);
                    any |= correct[c];
                }

                // Where the rule pass named nobody and the gold speaker is no candidate, "no speaker" is the
                // right answer: the model learns when a quote without a cue has no speaker in reach.
                if (!any && trace[match[g]].RuleFoundNone)
                {
                    for (int c = 0; c < candidates.Length; c++)
                    {
                        any |= correct[c] = candidates[c].Speaker is null;
                    }
                }

                if (candidates.Length > 1)
                {
                    var features = new uint[candidates.Length][];
                    int none = -1;
                    for (int c = 0; c < candidates.Length; c++)
                    {
                        features[c] = candidates[c].Features;
                        if (candidates[c].Speaker is null && none < 0)
                        {
                            none = c;
                        }
                    }

                    examples.Add(new SpeakerExample(features, correct, none, Train: any));
                }
            }

            result[a] = examples;
        }

        return result;
    }

    /// <summary>Fits the ranker to the examples and, when <paramref name="detection"/> is given, the detector to those.</summary>
    public static SpeakerRankingModel Train(IEnumerable<SpeakerExample> examples, Settings settings, IEnumerable<DetectionExample>? detection = null)
    {
        var data = new List<SpeakerExample>();
        foreach (SpeakerExample e in examples)
        {
            if (e.Train)
            {
                data.Add(e);
            }
        }

        var index = new Dictionary<uint, int>();
        foreach (SpeakerExample e in data)
        {
            foreach (uint[] candidate in e.Candidates)
            {
                foreach (uint f in candidate)
                {
                    index.TryAdd(f, index.Count);
                }
            }
        }

        int n = index.Count;
        var indexed = new int[data.Count][][];
        for (int i = 0; i < data.Count; i++)
        {
            indexed[i] = new int[data[i].Candidates.Length][];
            for (int c = 0; c < data[i].Candidates.Length; c++)
            {
                uint[] features = data[i].Candidates[c];
                indexed[i][c] = new int[features.Length];
                for (int k = 0; k < features.Length; k++)
                {
                    indexed[i][c][k] = index[features[k]];
                }
            }
        }

        var w = new double[n];
        var gradient = new double[n];
        var history = new double[n];
        var scores = new double[64];
        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            Array.Clear(gradient);
            for (int i = 0; i < data.Count; i++)
            {
                int[][] candidates = indexed[i];
                if (scores.Length < candidates.Length)
                {
                    scores = new double[candidates.Length * 2];
                }

                double max = double.NegativeInfinity;
                for (int c = 0; c < candidates.Length; c++)
                {
                    double s = 0;
                    foreach (int f in candidates[c])
                    {
                        s += w[f];
                    }

                    scores[c] = s;
                    max = Math.Max(max, s);
                }

                double all = 0;
                double right = 0;
                for (int c = 0; c < candidates.Length; c++)
                {
                    scores[c] = Math.Exp(scores[c] - max);
                    all += scores[c];
                    if (data[i].Correct[c])
                    {
                        right += scores[c];
                    }
                }

                for (int c = 0; c < candidates.Length; c++)
                {
                    // d(-log sum_correct p) / d score_c = p_c - p_c [c correct] / P(correct)
                    double p = scores[c] / all;
                    double q = data[i].Correct[c] ? scores[c] / right : 0;
                    double g = p - q;
                    if (g == 0)
                    {
                        continue;
                    }

                    foreach (int f in candidates[c])
                    {
                        gradient[f] += g;
                    }
                }
            }

            AdaGradStep(w, gradient, history, settings.L2 * data.Count, settings.LearningRate);
        }

        Dictionary<uint, float> weights = ToWeights(index, w);

        return new SpeakerRankingModel(weights, detection is not null && settings.Detection ? TrainDetector([.. detection], settings) : null);
    }

    /// <summary>The model with the confidence calibration fitted on its own training articles (<see cref="FitCalibration"/>).</summary>
    public static SpeakerRankingModel Calibrated(SpeakerRankingModel model, IReadOnlyList<List<SpeakerExample>> perArticle, IReadOnlyList<SpeakerExample> extra, Settings settings)
        => settings.CalibrationFolds >= 2 ? model.WithCalibration(FitCalibration(perArticle, extra, settings)) : model;

    /// <summary>
    /// The confidence calibration: an inner K-fold cross-validation by document over the training articles gives
    /// each matched quote an out-of-fold speaker and its softmax probability; isotonic regression (pool adjacent
    /// violators) of "the named speaker is right" on that probability gives the map, as (mean raw probability,
    /// observed accuracy) per pooled block. Quotes where the model names nobody carry no confidence and are left out.
    /// </summary>
    public static (float Raw, float Calibrated)[] FitCalibration(IReadOnlyList<List<SpeakerExample>> perArticle, IReadOnlyList<SpeakerExample> extra, Settings settings)
    {
        int folds = settings.CalibrationFolds;
        var pairs = new List<(double Raw, double Right)>();
        for (int f = 0; f < folds; f++)
        {
            var train = new List<SpeakerExample>(extra);
            for (int a = 0; a < perArticle.Count; a++)
            {
                if (a % folds != f)
                {
                    train.AddRange(perArticle[a]);
                }
            }

            SpeakerRankingModel model = Train(train, settings);
            for (int a = f; a < perArticle.Count; a += folds)
            {
                foreach (SpeakerExample e in perArticle[a])
                {
                    (int best, double raw) = Best(model, e);
                    if (best != e.None)
                    {
                        pairs.Add((raw, e.Correct[best] ? 1 : 0));
                    }
                }
            }
        }

        return Isotonic(pairs);
    }

    /// <summary>The candidate the model picks (first of the highest scores, as <see cref="SpeakerRanker"/>) and its softmax probability.</summary>
    private static (int Best, double Probability) Best(SpeakerRankingModel model, SpeakerExample e)
    {
        var scores = new float[e.Candidates.Length];
        int best = 0;
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] = model.Score(e.Candidates[c]);
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        double sum = 0;
        foreach (float score in scores)
        {
            sum += Math.Exp(score - scores[best]);
        }

        return (best, 1.0 / sum);
    }

    /// <summary>
    /// Isotonic regression by pool adjacent violators: ascending (mean x, mean y) per block, y bounded by the end
    /// blocks' add-one-smoothed accuracies.
    /// </summary>
    internal static (float Raw, float Calibrated)[] Isotonic(List<(double X, double Y)> pairs)
    {
        pairs.Sort((p, q) => p.X != q.X ? p.X.CompareTo(q.X) : p.Y.CompareTo(q.Y));
        var blocks = new List<(double SumX, double SumY, int N)>();
        foreach ((double x, double y) in pairs)
        {
            blocks.Add((x, y, 1));
            while (blocks.Count > 1 && blocks[^2].SumY / blocks[^2].N >= blocks[^1].SumY / blocks[^1].N)
            {
                (double sx, double sy, int n) = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (blocks[^1].SumX + sx, blocks[^1].SumY + sy, blocks[^1].N + n);
            }
        }

        // The end blocks' accuracies with add-one smoothing bound the map: a finite sample never shows that a
        // speaker is right always (confidence 1) or never (0). Clamping to constants keeps the map ascending.
        var points = new (float Raw, float Calibrated)[blocks.Count];
        if (blocks.Count == 0)
        {
            return points;
        }

        double low = (blocks[0].SumY + 1) / (blocks[0].N + 2);
        double high = (blocks[^1].SumY + 1) / (blocks[^1].N + 2);
        for (int i = 0; i < blocks.Count; i++)
        {
            double y = Math.Clamp(blocks[i].SumY / blocks[i].N, Math.Min(low, high), high);
            points[i] = ((float)(blocks[i].SumX / blocks[i].N), (float)y);
        }

        return points;
    }

    /// <summary>
    /// Fits the detector: logistic regression over the candidates' hashed features, full-batch AdaGrad with L2,
    /// the same fixed order and settings as the ranker, so it is deterministic too.
    /// </summary>
    public static Dictionary<uint, float> TrainDetector(List<DetectionExample> data, Settings settings)
    {
        var index = new Dictionary<uint, int>();
        foreach (DetectionExample e in data)
        {
            foreach (uint f in e.Features)
            {
                index.TryAdd(f, index.Count);
            }
        }

        int n = index.Count;
        var indexed = new int[data.Count][];
        for (int i = 0; i < data.Count; i++)
        {
            indexed[i] = new int[data[i].Features.Length];
            for (int k = 0; k < indexed[i].Length; k++)
            {
                indexed[i][k] = index[data[i].Features[k]];
            }
        }

        var w = new double[n];
        var gradient = new double[n];
        var history = new double[n];
        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            Array.Clear(gradient);
            for (int i = 0; i < data.Count; i++)
            {
                double s = 0;
                foreach (int f in indexed[i])
                {
                    s += w[f];
                }

                double g = (1.0 / (1.0 + Math.Exp(-s))) - (data[i].Speech ? 1.0 : 0.0);
                foreach (int f in indexed[i])
                {
                    gradient[f] += g;
                }
            }

            AdaGradStep(w, gradient, history, settings.DetectionL2 * data.Count, settings.LearningRate);
        }

        Dictionary<uint, float> weights = ToWeights(index, w);

        // The decision threshold (a logit) is folded into the per-kind bias, so the library keeps "logit >= 0".
        for (int k = (int)QuoteKind.Direct; k <= (int)QuoteKind.Indirect; k++)
        {
            uint bias = SpeakerFeatures.Hash("d.bias", 1, k, 0, 0);
            weights[bias] = (float)((weights.TryGetValue(bias, out float b) ? b : 0f) - settings.DetectionThreshold);
        }

        return weights;
    }

    /// <summary>
    /// One AdaGrad step of the ranker and the detector: each weight moves against its gradient plus the L2 term
    /// (<paramref name="l2PerHundred"/> / 100 times the weight), scaled by the root of its summed squared gradients.
    /// </summary>
    private static void AdaGradStep(double[] w, double[] gradient, double[] history, double l2PerHundred, double learningRate)
    {
        for (int f = 0; f < w.Length; f++)
        {
            double g = gradient[f] + (l2PerHundred * w[f] / 100.0);
            history[f] += g * g;
            if (history[f] > 0)
            {
                w[f] -= learningRate * g / Math.Sqrt(history[f]);
            }
        }
    }

    /// <summary>The trained weights by feature hash, as the model file stores them.</summary>
    private static Dictionary<uint, float> ToWeights(Dictionary<uint, int> index, double[] w)
    {
        var weights = new Dictionary<uint, float>(w.Length);
        foreach (KeyValuePair<uint, int> pair in index)
        {
            weights[pair.Key] = (float)w[pair.Value];
        }

        return weights;
    }

    /// <summary>
    /// K-fold cross-validation by document: article i is in fold i mod K; each fold's model is trained on the
    /// other folds' examples plus <paramref name="extra"/>, and scores only its own fold's articles.
    /// </summary>
    public static SpeakerRankingModel[] TrainFolds(List<SpeakerExample>[] perArticle, IReadOnlyList<SpeakerExample> extra, int folds, Settings settings,
        List<DetectionExample>[]? detection = null)
    {
        var models = new SpeakerRankingModel[folds];
        for (int f = 0; f < folds; f++)
        {
            var train = new List<SpeakerExample>(extra);
            List<DetectionExample>? detect = detection is null ? null : [];
            for (int a = 0; a < perArticle.Length; a++)
            {
                if (a % folds != f)
                {
                    train.AddRange(perArticle[a]);
                    detect?.AddRange(detection![a]);
                }
            }

            var held = new List<List<SpeakerExample>>();
            for (int a = 0; a < perArticle.Length; a++)
            {
                if (a % folds != f)
                {
                    held.Add(perArticle[a]);
                }
            }

            models[f] = Calibrated(Train(train, settings, detect), held, extra, settings);
        }

        return models;
    }
}
