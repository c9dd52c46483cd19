using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsExtract.Training;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Quotes;

namespace NewsExtract.Cli.Commands;

/// <summary>
/// <c>eval quotes --jsonl FILE [--json] [--folds K [--train-on FILE...]] [--quote-style as-is|single]</c>: quote P/R/F1, speaker accuracy
/// and end-to-end F1 (CONTRACT.md); with <c>--folds</c>, K-fold cross-validation by document of the
/// speaker model (each article scored by a model not trained on it).
/// </summary>
internal static class EvalQuotesCommand
{
    private static readonly string[] s_kinds = ["Direct", "Partial", "Indirect"];

    public static Command Create()
    {
        var jsonl = new Option<string>("--jsonl")
        {
            Description = "Gold quotes: one article a line with \"text\" and \"quotes\" (CONTRACT.md).",
            Required = true,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the scores as one JSON object instead of a table.",
        };
        var errors = new Option<string?>("--errors")
        {
            Description = "Also write every missed, spurious and wrongly attributed quote to this file (for error analysis).",
        };
        var folds = new Option<int>("--folds")
        {
            Description = "K-fold cross-validation by document: train the speaker model on the other folds (article i is in fold i mod K) and score each article with its fold's model. 0 (default): the shipped model.",
            DefaultValueFactory = _ => 0,
        };
        var trainOn = new Option<string[]>("--train-on")
        {
            Description = "With --folds: more gold files (same format) added to the training data of every fold.",
            AllowMultipleArgumentsPerToken = true,
        };
        var rulesOnly = new Option<bool>("--rules-only")
        {
            Description = "Score the rule pass alone (no speaker model), for comparison.",
        };
        var allCandidates = new Option<bool>("--all-candidates")
        {
            Description = "Emit every quote candidate of the rule pass, loose ones included, undecided by the detector (the recall ceiling of candidate generation; error analysis only).",
        };
        var mentionSpeakers = new Option<bool>("--mention-speakers")
        {
            Description = "Gold speakers are mentions, not resolved names (PolNeAR): a speaker is also right when the last word of the gold mention agrees with the predicted speaker's own words in the text.",
        };
        var quoteStyle = new Option<string>("--quote-style")
        {
            Description = "as-is (default) or single: rewrite each scored article's quotation marks to the British convention first (“ ” \" become ‘ ’ ', nested ‘ ’ become “ ”; one character for one, apostrophes kept). With --folds the models still train on the text as it is, as the shipped model does.",
            DefaultValueFactory = _ => "as-is",
        };
        quoteStyle.AcceptOnlyFromAmong("as-is", "single");
        var model = new Option<string?>("--model")
        {
            Description = "Score with the speaker model in this file (written by `train quotes --out`) instead of the shipped one: a model trained on one corpus scored on another, e.g. trained on GGT and scored on PolNeAR. Not with --folds, --rules-only or --all-candidates.",
        };
        var command = new Command("quotes", "Score quotes and speakers against gold JSON lines.")
        {
            jsonl, json, errors, folds, trainOn, rulesOnly, mentionSpeakers, allCandidates, quoteStyle, model,
        };
        command.SetAction(parse => Run(parse.GetValue(jsonl)!, parse.GetValue(json), parse.GetValue(errors), parse.GetValue(folds),
            parse.GetValue(trainOn) ?? [], parse.GetValue(rulesOnly), parse.GetValue(mentionSpeakers), parse.GetValue(allCandidates),
            parse.GetValue(quoteStyle) == "single", parse.GetValue(model)));
        return command;
    }

    private static int Run(string path, bool json, string? errorsPath, int folds, string[] trainOn, bool rulesOnly, bool mentionSpeakers, bool allCandidates,
        bool singleMarks, string? modelPath)
    {
        try
        {
            if (folds == 1 || folds < 0)
            {
                throw new CliException("--folds must be 0 (no cross-validation) or at least 2");
            }

            if (modelPath is not null && (folds >= 2 || rulesOnly || allCandidates))
            {
                throw new CliException("--model scores with one given model: it cannot be combined with --folds, --rules-only or --all-candidates");
            }

            Quotes.SpeakerRankingModel? given = modelPath is null ? null : ReadModel(modelPath);

            IReadOnlyList<QuoteArticle> articles = QuoteEvaluator.Load(path);
            IReadOnlyList<QuoteArticle> scored = singleMarks ? articles.Select(QuoteStyleRewriter.ToSingleMarks).ToArray() : articles;
            QuoteEvaluationResult result;
            if (folds >= 2)
            {
                List<SpeakerExample>[] examples = SpeakerRankerTrainer.Collect(articles, out List<DetectionExample>[] detection);
                var extra = new List<SpeakerExample>();
                foreach (string file in trainOn)
                {
                    foreach (List<SpeakerExample> perArticle in SpeakerRankerTrainer.Collect(QuoteEvaluator.Load(file)))
                    {
                        extra.AddRange(perArticle);
                    }
                }

                Quotes.SpeakerRankingModel[] models = SpeakerRankerTrainer.TrainFolds(examples, extra, folds, SpeakerRankerTrainer.Settings.FromEnvironment(), detection);
                var analyzers = new ArticleAnalyzer[folds];
                for (int f = 0; f < folds; f++)
                {
                    analyzers[f] = ArticleAnalyzer.CreateWithSpeakerModel(new ArticleAnalyzerOptions(), models[f]);
                }

                result = QuoteEvaluator.Evaluate(scored, i => analyzers[i % folds], mentionSpeakers);
            }
            else
            {
                ArticleAnalyzer analyzer = allCandidates
                    ? ArticleAnalyzer.CreateForQuoteTraining(new ArticleAnalyzerOptions())
                    : rulesOnly
                    ? ArticleAnalyzer.CreateWithSpeakerModel(new ArticleAnalyzerOptions(), null)
                    : given is not null
                    ? ArticleAnalyzer.CreateWithSpeakerModel(new ArticleAnalyzerOptions(), given)
                    : ArticleAnalyzer.CreateDefault();
                result = QuoteEvaluator.Evaluate(scored, _ => analyzer, mentionSpeakers);
            }

            if (errorsPath is not null)
            {
                OutputWriter.Write(errorsPath, string.Join('\n', result.Errors) + "\n");
            }

            OutputWriter.Write(null, json ? RenderJson(result) : RenderText(result));
            return Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
    }

    private static Quotes.SpeakerRankingModel ReadModel(string path)
    {
        byte[] bytes = TextFileReader.ReadAllBytes(path);
        try
        {
            return Quotes.SpeakerRankingModel.FromBytes(bytes);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or ArgumentException)
        {
            throw new CliException($"'{path}' is not a speaker model: {ex.Message}");
        }
    }

    private static string RenderText(QuoteEvaluationResult result)
    {
        var s = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        s.Append(c, $"articles: {result.Articles}\n");
        s.Append(c, $"{"kind",-10} {"gold",6} {"pred",6} {"P",7} {"R",7} {"F1",7} {"speaker",8}\n");
        foreach (string kind in s_kinds)
        {
            Row(s, kind, result.ByKind[kind]);
        }

        Row(s, "all", result.Total);
        s.Append(c, $"end-to-end (quote and speaker) P {result.EndToEndPrecision:F2} R {result.EndToEndRecall:F2} F1 {result.EndToEndF1:F2}\n");

        // Error breakdown: class (MISS:boundary, MISS:none, SPURIOUS:boundary, SPURIOUS:unmarked, SPEAKER) by kind.
        var breakdown = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (string error in result.Errors)
        {
            string[] fields = error.Split('\t');
            int kind = fields.Length > 2 ? Array.IndexOf(s_kinds, fields[2]) : -1;
            if (!breakdown.TryGetValue(fields[0], out int[]? counts))
            {
                breakdown[fields[0]] = counts = new int[s_kinds.Length];
            }

            if (kind >= 0)
            {
                counts[kind]++;
            }
        }

        s.Append(c, $"{"errors",-18} {s_kinds[0],6} {s_kinds[1],8} {s_kinds[2],8}\n");
        foreach (KeyValuePair<string, int[]> row in breakdown)
        {
            s.Append(c, $"{row.Key,-18} {row.Value[0],6} {row.Value[1],8} {row.Value[2],8}\n");
        }

        if (result.Reliability.Sum(b => b.Count) > 0)
        {
            s.Append(c, $"reliability (matched quotes with a named speaker): confidence bin, speakers, mean confidence, accuracy; ECE {result.CalibrationError:F2}\n");
            foreach (ReliabilityBin bin in result.Reliability)
            {
                if (bin.Count > 0)
                {
                    s.Append(c, $"  [{bin.Low:F1}, {bin.High:F1}) {bin.Count,5} {100 * bin.MeanConfidence,7:F2} {100 * bin.Accuracy,7:F2}\n");
                }
            }
        }

        // CONTRACT.md: the last line is the headline.
        s.Append(c, $"quote F1: {result.QuoteF1:F2} speaker accuracy: {result.SpeakerAccuracy:F2}\n");
        return s.ToString();
    }

    private static void Row(StringBuilder s, string name, QuoteKindScore k)
        => s.Append(CultureInfo.InvariantCulture, $"{name,-10} {k.Gold,6} {k.Predicted,6} {k.Precision,7:F2} {k.Recall,7:F2} {k.F1,7:F2} {k.SpeakerAccuracy,8:F2}\n");

    private static string RenderJson(QuoteEvaluationResult result)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("articles", result.Articles);
            WriteScore(w, result.Total);
            w.WriteNumber("endToEndPrecision", Math.Round(result.EndToEndPrecision, 2));
            w.WriteNumber("endToEndRecall", Math.Round(result.EndToEndRecall, 2));
            w.WriteNumber("endToEndF1", Math.Round(result.EndToEndF1, 2));
            w.WriteStartObject("kinds");
            foreach (string kind in s_kinds)
            {
                w.WriteStartObject(kind);
                WriteScore(w, result.ByKind[kind]);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteScore(Utf8JsonWriter w, QuoteKindScore k)
    {
        w.WriteNumber("gold", k.Gold);
        w.WriteNumber("predicted", k.Predicted);
        w.WriteNumber("precision", Math.Round(k.Precision, 2));
        w.WriteNumber("recall", Math.Round(k.Recall, 2));
        w.WriteNumber("f1", Math.Round(k.F1, 2));
        w.WriteNumber("speakerAccuracy", Math.Round(k.SpeakerAccuracy, 2));
    }
}
