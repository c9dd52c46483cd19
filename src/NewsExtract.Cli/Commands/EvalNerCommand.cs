using System.CommandLine;
using System.Globalization;
using System.Text;
using NewsExtract.Entities;
using NewsExtract.Training;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Ner;

namespace NewsExtract.Cli.Commands;

/// <summary>
/// <c>eval ner --conll FILE [--json] [--model open|FILE]</c>: exact-span P/R/F1 per type and micro;
/// <c>eval ner --all [--split test|dev] [--data DIR]</c>: the same on every split of the shared entity
/// sets, as one table. <c>--calibration</c> adds a table of mention confidence against precision.
/// </summary>
internal static class EvalNerCommand
{
    /// <summary>The evaluation sets of <c>../shared/data/ner</c> (folder, display name) for each split.</summary>
    private static readonly (string Path, string Name)[] s_test =
    [
        ("conll2003/test.conll", "CoNLL-2003 test"),
        ("conllpp/test.conll", "CoNLL++ test"),
        ("cleanconll/test.conll", "CleanCoNLL test"),
        ("uner_en_ewt/test.conll", "UNER EWT test"),
        ("wikigold/test.conll", "Wikigold"),
        ("btc/test.conll", "BTC test"),
        ("wnut17/test.conll", "WNUT-17 test"),
        ("crossner_politics/test.conll", "CrossNER politics test"),
        ("crossner_science/test.conll", "CrossNER science test"),
        ("crossner_literature/test.conll", "CrossNER literature test"),
        ("crossner_ai/test.conll", "CrossNER AI test"),
        ("crossner_music/test.conll", "CrossNER music test"),
        ("litbank/test.conll", "LitBank test"),
        ("re3d/test.conll", "re3d test"),
    ];

    private static readonly (string Path, string Name)[] s_dev =
    [
        ("conll2003/dev.conll", "CoNLL-2003 dev"),
        ("cleanconll/dev.conll", "CleanCoNLL dev"),
        ("uner_en_ewt/dev.conll", "UNER EWT dev"),
        ("btc/dev.conll", "BTC dev"),
        ("wnut17/dev.conll", "WNUT-17 dev"),
        ("crossner_politics/dev.conll", "CrossNER politics dev"),
        ("crossner_science/dev.conll", "CrossNER science dev"),
        ("crossner_literature/dev.conll", "CrossNER literature dev"),
        ("crossner_ai/dev.conll", "CrossNER AI dev"),
        ("crossner_music/dev.conll", "CrossNER music dev"),
        ("litbank/dev.conll", "LitBank dev"),
    ];

    /// <summary>Upper bounds of the confidence buckets of the calibration table.</summary>
    private static readonly float[] s_buckets = [0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 0.95f, 1.01f];

    public static Command Create()
    {
        var conll = new Option<string?>("--conll") { Description = "Gold BIO file (token TAB tag)." };
        var all = new Option<bool>("--all") { Description = "Score every split of the shared entity sets (see --split, --data) and print one table." };
        var split = new Option<string>("--split") { Description = "With --all: test (default) or dev.", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("test", "dev");
        var data = new Option<string?>("--data") { Description = "With --all: the folder of entity sets (default ../shared/data/ner, or $NEWSEXTRACT_SHARED/data/ner)." };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var calibration = new Option<bool>("--calibration") { Description = "Also print predicted mention confidence against observed precision." };
        var model = new Option<string?>("--model") { Description = "'open' for the built-in licence-clean model, or a model file; default: the built-in default model." };
        var timing = new Option<bool>("--timing") { Description = "With --all: print the model load time and the tagging throughput (wall clock and process CPU time) to stderr." };
        var command = new Command("ner", "Score the entity tagger on gold BIO files (conlleval exact-span rules).")
        {
            conll, all, split, data, json, calibration, model, timing,
        };
        command.SetAction(parse =>
        {
            string? file = parse.GetValue(conll);
            bool everything = parse.GetValue(all);
            if ((file is null) == !everything)
            {
                Console.Error.WriteLine("error: give either --conll FILE or --all.");
                return Program.WrongUsage;
            }

            return everything
                ? RunAll(parse.GetValue(split)!, parse.GetValue(data), parse.GetValue(json), parse.GetValue(calibration), parse.GetValue(model), parse.GetValue(timing))
                : Run(file!, parse.GetValue(json), parse.GetValue(calibration), parse.GetValue(model));
        });
        return command;
    }

    /// <summary>The model named by <c>--model</c>: null or "default" the built-in default, "open" the
    /// built-in licence-clean model, anything else a file.</summary>
    public static NerModel ResolveModel(string? name)
    {
        switch (name)
        {
            case null or "default":
                return NerModel.Default;
            case "open":
                return NerModel.Open;
            default:
                try
                {
                    return NerModel.Load(name);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    throw new CliException(ex is InvalidDataException ? ex.Message : $"{name}: {ex.Message}");
                }
        }
    }

    private static int Run(string path, bool json, bool calibration, string? modelPath)
    {
        try
        {
            List<ConllDocument> documents = ConllReader.Read(path);
            NerModel model = ResolveModel(modelPath);
            var confidences = calibration ? new List<(float, bool)>() : null;
            NerScores scores = NerEvaluator.Evaluate(model, documents, confidences);
            string text = json ? ToJson(scores) : scores.ToText();
            if (confidences is not null && !json)
            {
                text = Calibration(confidences) + text;
            }

            OutputWriter.Write(null, text);
            return Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
    }

    private static int RunAll(string split, string? dataDir, bool json, bool calibration, string? modelPath, bool timing)
    {
        try
        {
            string root = dataDir ?? Path.Combine(Environment.GetEnvironmentVariable("NEWSEXTRACT_SHARED") ?? "../shared", "data", "ner");
            if (!Directory.Exists(root))
            {
                throw new CliException($"{root}: entity data folder not found (use --data DIR)");
            }

            var clock = new Clock();
            NerModel model = ResolveModel(modelPath);
            (double loadWall, double loadCpu) = clock.Lap();
            double tagWall = 0;
            double tagCpu = 0;
            long tokens = 0;
            var confidences = calibration ? new List<(float, bool)>() : null;
            var rows = new List<(string Name, NerScores Scores)>();
            foreach ((string file, string name) in split == "dev" ? s_dev : s_test)
            {
                string path = Path.Combine(root, file);
                if (!File.Exists(path))
                {
                    Console.Error.WriteLine($"note: {path} not found; skipped");
                    continue;
                }

                List<ConllDocument> documents = ConllReader.Read(path);
                foreach (ConllDocument document in documents)
                {
                    tokens += document.TokenCount;
                }

                clock.Lap();
                rows.Add((name, NerEvaluator.Evaluate(model, documents, confidences)));
                (double wall, double cpu) = clock.Lap();
                tagWall += wall;
                tagCpu += cpu;
            }

            if (timing)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"timing: model load {loadWall * 1000:0} ms wall, {loadCpu * 1000:0} ms CPU; tagging and scoring {tokens} tokens: {tagWall:0.00} s wall, {tagCpu:0.00} s CPU = {tokens / tagWall:0} tokens/s wall, {tokens / tagCpu:0} tokens/s CPU"));
            }

            if (rows.Count == 0)
            {
                throw new CliException($"{root}: no {split} sets found");
            }

            OutputWriter.Write(null, json ? AllToJson(rows) : AllToText(rows, confidences));
            return Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
    }

    private static string AllToText(List<(string Name, NerScores Scores)> rows, List<(float, bool)>? confidences)
    {
        var sb = new StringBuilder();
        if (confidences is not null)
        {
            sb.Append(Calibration(confidences));
        }

        sb.Append("| set | micro P | micro R | **micro F1** | PER F1 | ORG F1 | LOC F1 |\n|---|---:|---:|---:|---:|---:|---:|\n");
        double sum = 0;
        double crossSum = 0;
        int cross = 0;
        foreach ((string name, NerScores scores) in rows)
        {
            NerTypeScore m = scores.Micro;
            sb.Append(CultureInfo.InvariantCulture, $"| {name} | {m.Precision:0.00} | {m.Recall:0.00} | **{m.F1:0.00}** | {TypeF1(scores, "PER")} | {TypeF1(scores, "ORG")} | {TypeF1(scores, "LOC")} |\n");
            sum += m.F1;
            if (name.StartsWith("CrossNER", StringComparison.Ordinal))
            {
                crossSum += m.F1;
                cross++;
            }
        }

        if (cross > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"CrossNER mean F1 ({cross} domains): {crossSum / cross:0.00}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"mean F1 ({rows.Count} sets): {sum / rows.Count:0.00}\n");
        return sb.ToString();
    }

    /// <summary>Wall-clock and process CPU time since the last lap (CPU time is less disturbed by other
    /// processes on a shared machine; it includes the runtime's background threads, so it overstates).</summary>
    private sealed class Clock
    {
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
        private TimeSpan _cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        private TimeSpan _wall;

        public (double Wall, double Cpu) Lap()
        {
            TimeSpan cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            TimeSpan wall = _watch.Elapsed;
            (double, double) lap = ((wall - _wall).TotalSeconds, (cpu - _cpu).TotalSeconds);
            _wall = wall;
            _cpu = cpu;
            return lap;
        }
    }

    private static string TypeF1(NerScores scores, string type)
    {
        foreach (NerTypeScore s in scores.Types)
        {
            if (s.Type == type)
            {
                return s.Gold == 0 && s.Predicted == 0 ? "-" : s.F1.ToString("0.00", CultureInfo.InvariantCulture);
            }
        }

        return "-";
    }

    /// <summary>Predicted mentions by confidence bucket, with the share that is exactly right.</summary>
    private static string Calibration(List<(float Confidence, bool Correct)> confidences)
    {
        int[] predicted = new int[s_buckets.Length];
        int[] correct = new int[s_buckets.Length];
        double[] sum = new double[s_buckets.Length];
        foreach ((float c, bool ok) in confidences)
        {
            int b = 0;
            while (b < s_buckets.Length - 1 && c >= s_buckets[b])
            {
                b++;
            }

            predicted[b]++;
            correct[b] += ok ? 1 : 0;
            sum[b] += c;
        }

        var sb = new StringBuilder("| confidence | mentions | mean confidence | observed precision |\n|---|---:|---:|---:|\n");
        for (int b = 0; b < s_buckets.Length; b++)
        {
            string low = b == 0 ? "0.00" : s_buckets[b - 1].ToString("0.00", CultureInfo.InvariantCulture);
            string high = b == s_buckets.Length - 1 ? "1.00]" : s_buckets[b].ToString("0.00", CultureInfo.InvariantCulture) + ")";
            string mean = predicted[b] == 0 ? "-" : (sum[b] / predicted[b]).ToString("0.000", CultureInfo.InvariantCulture);
            string precision = predicted[b] == 0 ? "-" : (100.0 * correct[b] / predicted[b]).ToString("0.00", CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"| [{low}, {high} | {predicted[b]} | {mean} | {precision} |\n");
        }

        return sb.ToString();
    }

    private static string AllToJson(List<(string Name, NerScores Scores)> rows)
    {
        var sb = new StringBuilder("{\"sets\":[");
        for (int i = 0; i < rows.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ",").Append("{\"name\":\"").Append(rows[i].Name).Append("\",\"scores\":");
            sb.Append(ToJson(rows[i].Scores).TrimEnd('\n'));
            sb.Append('}');
        }

        sb.Append("]}\n");
        return sb.ToString();
    }

    private static string ToJson(NerScores scores)
    {
        var sb = new StringBuilder("{\"types\":{");
        bool first = true;
        foreach (NerTypeScore s in scores.Types)
        {
            sb.Append(first ? string.Empty : ",").Append('"').Append(s.Type).Append("\":");
            Append(sb, s);
            first = false;
        }

        sb.Append("},\"micro\":");
        Append(sb, scores.Micro);
        sb.Append("}\n");
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, NerTypeScore s)
        => sb.Append(CultureInfo.InvariantCulture, $"{{\"precision\":{s.Precision:0.00},\"recall\":{s.Recall:0.00},\"f1\":{s.F1:0.00},\"gold\":{s.Gold},\"predicted\":{s.Predicted},\"correct\":{s.Correct}}}");
}
