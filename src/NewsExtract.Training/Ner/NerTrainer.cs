using System.Diagnostics;
using System.Globalization;
using NewsExtract.Entities;
using NewsExtract.Training.Evaluation;

namespace NewsExtract.Training.Ner;

/// <summary>
/// Trains the entity model: word clusters from raw text, a gazetteer table, then a structured
/// averaged perceptron over BILOU tags with Viterbi decoding (Collins 2002), early-stopped on the dev
/// set's micro F1 as measured by the runtime tagger itself. Optionally a second pass is trained on
/// features of jackknifed first-pass predictions (the first pass tags each half of the training
/// documents with a model trained on the other half), so it learns how far to trust them.
/// Single-threaded and seeded, so the same inputs give the same model bytes.
/// </summary>
internal sealed class NerTrainer
{
    private static readonly string[] s_classOrder = ["PER", "ORG", "LOC", "MISC"];

    /// <summary>Training files, each optionally followed by <c>@W</c>: a weight (default 1). A document of
    /// weight W is seen floor(W) times an epoch, and once more with probability W - floor(W) (seeded).</summary>
    public required IReadOnlyList<string> TrainFiles { get; init; }

    /// <summary>Self-training files (<c>train selftrain</c> output: machine-tagged sentences of the
    /// unlabeled text), weighted like <see cref="TrainFiles"/>; trained on like them, but their text is not
    /// added to the cluster text again (it is already there through <see cref="UnlabeledFiles"/>).</summary>
    public IReadOnlyList<string> SelfTrainFiles { get; init; } = [];

    /// <summary>Whether self-training documents also train the second pass (by default they train the first pass only).</summary>
    public bool SelfTrainBothPasses { get; init; }

    /// <summary>Dev files; early stopping and the two-pass choice use the mean of their micro F1.</summary>
    public required IReadOnlyList<string> DevFiles { get; init; }

    public string? GazetteerFolder { get; init; }

    /// <summary>Which model's gazetteer lists to use (see the manifest): "default" or "open".</summary>
    public string GazetteerSet { get; init; } = "default";

    public IReadOnlyList<string> UnlabeledFiles { get; init; } = [];

    public int Seed { get; init; } = 1;

    public int MaxEpochs { get; init; } = 15;

    public int Patience { get; init; } = 3;

    public int MinFeatureCount { get; init; } = 2;

    public bool TwoPass { get; init; } = true;

    public int Folds { get; init; } = 2;

    public int MaxClusterWords { get; init; } = 60_000;

    public TextWriter Log { get; init; } = TextWriter.Null;

    public NerModel Train()
    {
        var clock = Stopwatch.StartNew();
        var train = new List<ConllDocument>();
        var weights = new List<double>();
        void Load(IReadOnlyList<string> specs)
        {
            foreach (string spec in specs)
            {
                (string file, double weight) = ParseWeighted(spec);
                List<ConllDocument> documents = ConllReader.Read(file);
                train.AddRange(documents);
                for (int d = 0; d < documents.Count; d++)
                {
                    weights.Add(weight);
                }

                Log.WriteLine($"train: {file} weight {weight.ToString(CultureInfo.InvariantCulture)} ({documents.Count} documents)");
            }
        }

        Load(TrainFiles);
        int labeled = train.Count;
        Load(SelfTrainFiles);

        _weights = weights.ToArray();
        var dev = new List<List<ConllDocument>>();
        foreach (string file in DevFiles)
        {
            dev.Add(ConllReader.Read(file));
        }

        string[] classes = Classes(train);
        Log.WriteLine($"data: {train.Count} training documents, {dev.Count} dev files; classes {string.Join(',', classes)}");

        GazetteerTable gazetteer = GazetteerFolder is null ? GazetteerTable.Empty : GazetteerTable.Build(GazetteerFolder, GazetteerSet, Log);
        Log.WriteLine($"gazetteer ({GazetteerSet}): {gazetteer.Keys.Length} names from {gazetteer.Files.Length} lists in {gazetteer.Categories.Length} categories ({Elapsed(clock)})");

        var clusterer = new WordClusterer { MaxWords = MaxClusterWords };
        foreach (string file in UnlabeledFiles)
        {
            clusterer.AddText(TextFileReader.ReadAllText(file));
        }

        // The labeled training text joins the cluster text; self-training text is already in the unlabeled files.
        foreach (ConllDocument document in train.Take(labeled))
        {
            foreach (string[] sentence in document.Sentences)
            {
                clusterer.AddTokens(sentence);
            }
        }

        (ulong[] clusterKeys, int[] clusterCodes) = clusterer.Cluster(Log);
        Log.WriteLine($"clusters: {clusterKeys.Length} words from {clusterer.TokenCount} tokens ({Elapsed(clock)})");

        var features = new NerFeatureExtractor(new NerLexicon(clusterKeys, clusterCodes), new NerLexicon(gazetteer.Keys, gazetteer.Masks));
        var inputs = new NerInput[train.Count];
        var gold = new int[train.Count][];
        for (int d = 0; d < train.Count; d++)
        {
            inputs[d] = NerInput.FromTokens(train[d].Sentences);
            gold[d] = GoldTags(train[d], classes);
        }

        string description = string.Create(
            CultureInfo.InvariantCulture,
            $"NewsExtract entity model; trained on {string.Join(", ", Names(TrainFiles))}{(SelfTrainFiles.Count > 0 ? "; self-training " + string.Join(", ", SelfTrainFiles.Select(Path.GetFileName)) : string.Empty)}; dev {string.Join(", ", Names(DevFiles))}; gazetteers {GazetteerSet}; seed {Seed}");
        NerModel Build(params NerWeights[] passes)
            => new(classes, description, passes, clusterKeys, clusterCodes, gazetteer.Categories, gazetteer.Keys, gazetteer.Masks);

        int[] all = Enumerable.Range(0, train.Count).ToArray();
        NerTrainingData data1 = Extract(features, inputs, null);
        Log.WriteLine($"pass 1: {data1.RowKeys.Length} features kept ({Elapsed(clock)})");
        (NerWeights pass1, int epochs1) = Perceptron(data1, inputs, gold, all, classes.Length, MaxEpochs, w => DevF1(Build(w), dev), clock);
        NerModel model = Build(pass1);
        if (!TwoPass)
        {
            return model;
        }

        // Jackknifed first-pass tags of the training documents. Self-training documents, unless
        // SelfTrainBothPasses, train the first pass only: their labels are a model's own output, so a
        // first pass agrees with them far more than with human labels, and a second pass trained on them
        // would learn to trust first-pass tags too much.
        int second = SelfTrainBothPasses ? train.Count : labeled;
        int[] secondDocs = all[..second];
        var firstPass = new int[second][];
        for (int fold = 0; fold < Folds; fold++)
        {
            int[] trainDocs = all.Where(d => d % Folds != fold).ToArray();
            (NerWeights foldWeights, _) = Perceptron(data1, inputs, gold, trainDocs, classes.Length, epochs1, null, clock);
            NerModel foldModel = Build(foldWeights);
            foreach (int d in secondDocs.Where(d => d % Folds == fold))
            {
                int[] tags = new int[inputs[d].Tokens.Length];
                NerTagger.Tag(foldModel, inputs[d], tags, default);
                firstPass[d] = tags;
            }

            Log.WriteLine($"pass 2: jackknife fold {fold + 1}/{Folds} tagged ({Elapsed(clock)})");
        }

        NerInput[] secondInputs = inputs[..second];
        NerTrainingData data2 = Extract(features, secondInputs, firstPass);
        Log.WriteLine($"pass 2: {data2.RowKeys.Length} features kept ({Elapsed(clock)})");
        (NerWeights pass2, _) = Perceptron(data2, secondInputs, gold[..second], secondDocs, classes.Length, MaxEpochs, w => DevF1(Build(pass1, w), dev), clock);
        NerModel twoPass = Build(pass1, pass2);
        double f1 = DevF1(model, dev);
        double f2 = DevF1(twoPass, dev);
        Log.WriteLine($"dev micro F1: one pass {f1:0.00}, two passes {f2:0.00}; keeping {(f2 > f1 ? "two passes" : "one pass")} ({Elapsed(clock)})");
        return f2 > f1 ? twoPass : model;
    }

    private double[] _weights = [];

    /// <summary>Splits "path@weight" (the weight a non-negative number) into its parts.</summary>
    public static (string File, double Weight) ParseWeighted(string spec)
    {
        int at = spec.LastIndexOf('@');
        if (at > 0 && double.TryParse(spec.AsSpan(at + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double weight))
        {
            if (weight < 0 || double.IsNaN(weight) || double.IsInfinity(weight))
            {
                throw new CliException($"{spec}: the weight must be a non-negative number");
            }

            return (spec[..at], weight);
        }

        return (spec, 1);
    }

    /// <summary>The mean micro F1 over the dev files (each also logged).</summary>
    private double DevF1(NerModel model, List<List<ConllDocument>> dev)
    {
        double sum = 0;
        var parts = new List<string>();
        for (int i = 0; i < dev.Count; i++)
        {
            double f1 = NerEvaluator.Evaluate(model, dev[i]).Micro.F1;
            sum += f1;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(DevFiles[i])))} {f1:0.00}"));
        }

        if (dev.Count > 1)
        {
            Log.WriteLine($"    dev: {string.Join(", ", parts)}");
        }

        return sum / Math.Max(1, dev.Count);
    }

    private static IEnumerable<string> Names(IEnumerable<string> files)
    {
        foreach (string spec in files)
        {
            string file = spec;
            string dir = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) ?? string.Empty;
            yield return dir + "/" + Path.GetFileName(spec);
        }
    }

    private static string Elapsed(Stopwatch clock) => $"{clock.Elapsed.TotalSeconds:0.0} s";

    private static string[] Classes(List<ConllDocument> documents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ConllDocument document in documents)
        {
            foreach (ConllChunk chunk in document.Chunks)
            {
                seen.Add(chunk.Type);
            }
        }

        var classes = new List<string>();
        foreach (string name in s_classOrder)
        {
            if (seen.Remove(name))
            {
                classes.Add(name);
            }
        }

        var rest = seen.ToList();
        rest.Sort(StringComparer.Ordinal);
        classes.AddRange(rest);
        if (classes.Count is 0 or > 4)
        {
            throw new CliException($"training data must have 1 to 4 entity types; found {classes.Count}: {string.Join(", ", classes)}");
        }

        return classes.ToArray();
    }

    private static int[] GoldTags(ConllDocument document, string[] classes)
    {
        int[] tags = new int[document.TokenCount];
        foreach (ConllChunk chunk in document.Chunks)
        {
            int cls = Array.IndexOf(classes, chunk.Type) + 1;
            if (cls == 0)
            {
                continue;
            }

            if (chunk.TokenCount == 1)
            {
                tags[chunk.FirstToken] = NerLabels.Tag(cls, NerLabels.Unit);
                continue;
            }

            tags[chunk.FirstToken] = NerLabels.Tag(cls, NerLabels.Begin);
            for (int t = chunk.FirstToken + 1; t < chunk.FirstToken + chunk.TokenCount - 1; t++)
            {
                tags[t] = NerLabels.Tag(cls, NerLabels.Inside);
            }

            tags[chunk.FirstToken + chunk.TokenCount - 1] = NerLabels.Tag(cls, NerLabels.Last);
        }

        return tags;
    }

    private NerTrainingData Extract(NerFeatureExtractor features, NerInput[] inputs, int[][]? firstPass)
    {
        var keys = new ulong[inputs.Length][];
        var offsets = new int[inputs.Length][];
        var counts = new Dictionary<ulong, int>();
        Span<ulong> buffer = stackalloc ulong[NerFeatureExtractor.MaxFeatures];
        var list = new List<ulong>();
        for (int d = 0; d < inputs.Length; d++)
        {
            list.Clear();
            int n = inputs[d].Tokens.Length;
            int[] off = new int[n + 1];
            using (NerDocumentState state = features.Prepare(inputs[d], firstPass is null ? default : firstPass[d]))
            {
                for (int i = 0; i < n; i++)
                {
                    off[i] = list.Count;
                    int count = features.Extract(state, i, buffer);
                    int times = Math.Max(1, (int)Math.Round(_weights[d]));
                    foreach (ulong key in buffer[..count])
                    {
                        list.Add(key);
                        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += times;
                    }
                }
            }

            off[n] = list.Count;
            keys[d] = list.ToArray();
            offsets[d] = off;
        }

        var kept = new List<ulong>();
        foreach (KeyValuePair<ulong, int> pair in counts)
        {
            if (pair.Value >= MinFeatureCount)
            {
                kept.Add(pair.Key);
            }
        }

        kept.Sort();
        var rowOf = new Dictionary<ulong, int>(kept.Count);
        for (int r = 0; r < kept.Count; r++)
        {
            rowOf[kept[r]] = r;
        }

        var rows = new int[inputs.Length][];
        for (int d = 0; d < inputs.Length; d++)
        {
            ulong[] k = keys[d];
            int[] off = offsets[d];
            var mapped = new List<int>(k.Length);
            int n = off.Length - 1;
            int[] newOff = new int[n + 1];
            for (int i = 0; i < n; i++)
            {
                newOff[i] = mapped.Count;
                for (int j = off[i]; j < off[i + 1]; j++)
                {
                    if (rowOf.TryGetValue(k[j], out int row))
                    {
                        mapped.Add(row);
                    }
                }
            }

            newOff[n] = mapped.Count;
            rows[d] = mapped.ToArray();
            offsets[d] = newOff;
        }

        return new NerTrainingData(kept.ToArray(), rows, offsets);
    }

    /// <summary>Structured averaged perceptron. With <paramref name="devF1"/>, keeps the epoch with the
    /// best dev F1 and stops after <see cref="Patience"/> epochs without improvement; without it, runs
    /// exactly <paramref name="epochs"/> epochs.</summary>
    private (NerWeights Best, int Epochs) Perceptron(
        NerTrainingData data, NerInput[] inputs, int[][] gold, int[] documents, int classCount, int epochs, Func<NerWeights, double>? devF1, Stopwatch clock)
    {
        int labels = NerLabels.Count(classCount);
        int rows = data.RowKeys.Length;
        float[] w = new float[(long)rows * labels];
        double[] u = new double[w.Length];
        float[] tw = new float[(labels + 1) * labels];
        double[] tu = new double[tw.Length];
        float[] ew = new float[labels];
        double[] eu = new double[labels];
        double c = 1;
        var random = new Random(Seed);
        var order = new List<int>();
        NerWeights? best = null;
        double bestF1 = double.NegativeInfinity;
        int bestEpoch = 0;
        float[] emissions = [];
        int[] predicted = [];

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            order.Clear();
            foreach (int d in documents)
            {
                double weight = _weights[d];
                int times = (int)Math.Floor(weight);
                if (random.NextDouble() < weight - times)
                {
                    times++;
                }

                for (int k = 0; k < times; k++)
                {
                    order.Add(d);
                }
            }

            int[] shuffled = [.. order];
            random.Shuffle(shuffled);
            int mistakes = 0;
            int tokens = 0;
            foreach (int d in shuffled)
            {
                int[] docRows = data.Rows[d];
                int[] off = data.Offsets[d];
                int[] g = gold[d];
                foreach (NerSentence sentence in inputs[d].Sentences)
                {
                    int n = sentence.TokenCount;
                    if (emissions.Length < n * labels)
                    {
                        emissions = new float[n * labels * 2];
                        predicted = new int[n * 2];
                    }

                    Span<float> em = emissions.AsSpan(0, n * labels);
                    em.Clear();
                    for (int t = 0; t < n; t++)
                    {
                        int token = sentence.FirstToken + t;
                        Span<float> s = em.Slice(t * labels, labels);
                        for (int j = off[token]; j < off[token + 1]; j++)
                        {
                            ReadOnlySpan<float> row = w.AsSpan(docRows[j] * labels, labels);
                            for (int l = 0; l < labels; l++)
                            {
                                s[l] += row[l];
                            }
                        }
                    }

                    Span<int> p = predicted.AsSpan(0, n);
                    NerViterbi.Decode(em, labels, tw, ew, p);
                    tokens += n;
                    for (int t = 0; t < n; t++)
                    {
                        int token = sentence.FirstToken + t;
                        int gt = g[token];
                        int pt = p[t];
                        int gPrev = t == 0 ? labels : g[token - 1];
                        int pPrev = t == 0 ? labels : p[t - 1];
                        if (gt != pt)
                        {
                            mistakes++;
                            for (int j = off[token]; j < off[token + 1]; j++)
                            {
                                long row = (long)docRows[j] * labels;
                                w[row + gt] += 1;
                                u[row + gt] += c;
                                w[row + pt] -= 1;
                                u[row + pt] -= c;
                            }
                        }

                        if (gt != pt || gPrev != pPrev)
                        {
                            tw[(gPrev * labels) + gt] += 1;
                            tu[(gPrev * labels) + gt] += c;
                            tw[(pPrev * labels) + pt] -= 1;
                            tu[(pPrev * labels) + pt] -= c;
                        }
                    }

                    int gLast = g[sentence.FirstToken + n - 1];
                    int pLast = p[n - 1];
                    if (gLast != pLast)
                    {
                        ew[gLast] += 1;
                        eu[gLast] += c;
                        ew[pLast] -= 1;
                        eu[pLast] -= c;
                    }

                    c++;
                }
            }

            NerWeights averaged = NerWeights.Quantize(labels, data.RowKeys, Average(w, u, c), Average(tw, tu, c), Average(ew, eu, c));
            if (devF1 is null)
            {
                Log.WriteLine($"  epoch {epoch}: {mistakes} token errors in {tokens} tokens ({Elapsed(clock)})");
                best = averaged;
                bestEpoch = epoch;
                continue;
            }

            double f1 = devF1(averaged);
            Log.WriteLine($"  epoch {epoch}: {mistakes} token errors in {tokens} tokens; dev micro F1 {f1:0.00} ({Elapsed(clock)})");
            if (f1 > bestF1)
            {
                bestF1 = f1;
                best = averaged;
                bestEpoch = epoch;
            }
            else if (epoch - bestEpoch >= Patience)
            {
                Log.WriteLine($"  early stop: best epoch {bestEpoch}, dev micro F1 {bestF1:0.00}");
                break;
            }
        }

        return (best!, bestEpoch);
    }

    private static float[] Average(float[] w, double[] u, double c)
    {
        float[] avg = new float[w.Length];
        for (long i = 0; i < w.Length; i++)
        {
            avg[i] = (float)(w[i] - (u[i] / c));
        }

        return avg;
    }
}
