using NewsExtract.Quotes;
using NewsExtract.Training.Evaluation;

namespace NewsExtract.Training.Quotes;

/// <summary>One training quote: its candidates' features and which candidates name the gold speaker.</summary>
internal sealed record SpeakerExample(uint[][] Candidates, bool[] Correct);

/// <summary>
/// Trains the speaker ranker (<see cref="SpeakerRankingModel"/>): a conditional logit over each quote's
/// candidates, fitted by full-batch AdaGrad with L2 regularisation. Deterministic: no sampling, examples
/// in file order, features in first-seen order, so the same data gives the same model bit for bit.
/// </summary>
internal static class SpeakerRankerTrainer
{
    /// <summary>Training settings, chosen by cross-validation on GGT dev (docs/quotes.md).</summary>
    internal sealed record Settings(int Iterations = 300, double LearningRate = 0.3, double L2 = 1.0)
    {
        /// <summary>Settings from the environment (NEWSEXTRACT_QUOTE_ITERATIONS, _RATE, _L2), for cross-validated tuning only.</summary>
        public static Settings FromEnvironment()
        {
            var d = new Settings();
            return new Settings(
                Read("NEWSEXTRACT_QUOTE_ITERATIONS", d.Iterations),
                Read("NEWSEXTRACT_QUOTE_RATE", d.LearningRate),
                Read("NEWSEXTRACT_QUOTE_L2", d.L2));
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
    {
        ArticleAnalyzer rules = ArticleAnalyzer.CreateWithSpeakerModel(new ArticleAnalyzerOptions(), null);
        var result = new List<SpeakerExample>[articles.Count];
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

                if (any && candidates.Length > 1)
                {
                    var features = new uint[candidates.Length][];
                    for (int c = 0; c < candidates.Length; c++)
                    {
                        features[c] = candidates[c].Features;
                    }

                    examples.Add(new SpeakerExample(features, correct));
                }
            }

            result[a] = examples;
        }

        return result;
    }

    /// <summary>Fits the model to the examples.</summary>
    public static SpeakerRankingModel Train(IEnumerable<SpeakerExample> examples, Settings settings)
    {
        List<SpeakerExample> data = [.. examples];
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

            for (int f = 0; f < n; f++)
            {
                double g = gradient[f] + (settings.L2 * data.Count * w[f] / 100.0);
                history[f] += g * g;
                if (history[f] > 0)
                {
                    w[f] -= settings.LearningRate * g / Math.Sqrt(history[f]);
                }
            }
        }

        var weights = new Dictionary<uint, float>(n);
        foreach (KeyValuePair<uint, int> pair in index)
        {
            weights[pair.Key] = (float)w[pair.Value];
        }

        return new SpeakerRankingModel(weights);
    }

    /// <summary>
    /// K-fold cross-validation by document: article i is in fold i mod K; each fold's model is trained on the
    /// other folds' examples plus <paramref name="extra"/>, and scores only its own fold's articles.
    /// </summary>
    public static SpeakerRankingModel[] TrainFolds(List<SpeakerExample>[] perArticle, IReadOnlyList<SpeakerExample> extra, int folds, Settings settings)
    {
        var models = new SpeakerRankingModel[folds];
        for (int f = 0; f < folds; f++)
        {
            var train = new List<SpeakerExample>(extra);
            for (int a = 0; a < perArticle.Length; a++)
            {
                if (a % folds != f)
                {
                    train.AddRange(perArticle[a]);
                }
            }

            models[f] = Train(train, settings);
        }

        return models;
    }
}
