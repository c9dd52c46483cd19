using System.Collections.Concurrent;
using NewsExtract.Entities;
using NewsExtract.Tests.Infrastructure;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Ner;
using NewsExtract.Training.Quotes;

namespace NewsExtract.Tests.Accuracy;

/// <summary>
/// Every accuracy floor on shared data, in one table. Each row names a data set (a test split, or a
/// cross-validation by document where the model that scores an article never saw it), the metric, and the
/// figure documented in docs/accuracy.md; a row fails when the measurement falls more than
/// <see cref="Margin"/> below it. Nothing here was tuned on these sets. Each evaluation runs once and serves
/// all of its rows. Rows skip with a reason when ../shared/data is absent, and fail when it is absent under
/// <c>CI=true</c> (<see cref="SharedData.Require"/>).
/// </summary>
public static class AccuracyFloors
{
    /// <summary>How far below the documented figure a measurement may fall (points).</summary>
    public const double Margin = 0.3;

    /// <summary>The table: row name (evaluation:metric), documented figure.</summary>
    private static readonly (string Row, double Documented)[] s_table =
    [
        // UD English EWT test (docs/accuracy.md, tokens and sentences).
        ("ewt-test:tokens-f1", 99.15),
        ("ewt-test:sentences-f1", 90.49),

        // Default entity model, test splits, micro F1 over PER/ORG/LOC (docs/accuracy.md, docs/model.md).
        ("ner-default:conll2003/test", 90.13),
        ("ner-default:conllpp/test", 90.69),
        ("ner-default:cleanconll/test", 86.57),
        ("ner-default:uner_en_ewt/test", 75.68),
        ("ner-default:wikigold/test", 73.74),
        ("ner-default:btc/test", 66.27),
        ("ner-default:wnut17/test", 47.69),
        ("ner-default:crossner_politics/test", 82.94),
        ("ner-default:crossner_science/test", 82.61),
        ("ner-default:crossner_literature/test", 80.19),
        ("ner-default:crossner_ai/test", 74.11),
        ("ner-default:crossner_music/test", 71.19),
        ("ner-default:litbank/test", 76.78),
        ("ner-default:re3d/test", 62.11),

        // Licence-clean entity model, same splits.
        ("ner-open:conll2003/test", 71.72),
        ("ner-open:uner_en_ewt/test", 75.59),
        ("ner-open:wikigold/test", 68.84),
        ("ner-open:btc/test", 66.68),
        ("ner-open:wnut17/test", 46.74),
        ("ner-open:crossner_politics/test", 82.09),
        ("ner-open:crossner_science/test", 80.60),
        ("ner-open:crossner_literature/test", 80.07),
        ("ner-open:crossner_ai/test", 73.46),
        ("ner-open:crossner_music/test", 67.92),
        ("ner-open:litbank/test", 80.71),
        ("ner-open:re3d/test", 42.57),

        // Quotes: 3-fold cross-validation by document on GGT dev (speaker model, quote detector and
        // confidence calibration trained on the other folds); the 5-fold headline is in docs/accuracy.md.
        ("ggt-dev-cv3:quote-f1", QuoteCvQuoteF1),
        ("ggt-dev-cv3:speaker-accuracy", QuoteCvSpeaker),
        ("ggt-dev-cv3:end-to-end-f1", QuoteCvEndToEnd),

        // The same cross-validation with each scored article's quotation marks rewritten to the British
        // convention (eval quotes --quote-style single; the models train on the text as it is).
        ("ggt-dev-cv3-single:quote-f1", 92.40),
        ("ggt-dev-cv3-single:speaker-accuracy", 92.27),
        ("ggt-dev-cv3-single:end-to-end-f1", 85.26),
    ];

    private const double QuoteCvQuoteF1 = 92.41;
    private const double QuoteCvSpeaker = 92.29;
    private const double QuoteCvEndToEnd = 85.28;

    /// <summary>One measurement per evaluation (all rows of an evaluation share it).</summary>
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, double>>> s_measured = new(StringComparer.Ordinal);

    /// <summary>The rows whose evaluation name starts with <paramref name="prefix"/>, for a theory.</summary>
    public static TheoryData<string> Rows(string prefix)
    {
        var rows = new TheoryData<string>();
        foreach ((string row, _) in s_table)
        {
            if (row.StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>All rows.</summary>
    public static IReadOnlyList<(string Row, double Documented)> Table => s_table;

    /// <summary>Measures the row (once per evaluation) and asserts it is at most <see cref="Margin"/> below the table.</summary>
    public static void AssertRow(string row)
    {
        double documented = Documented(row);
        int colon = row.IndexOf(':', StringComparison.Ordinal);
        string evaluation = row[..colon];
        string metric = row[(colon + 1)..];

        // An entity-model row is one test file (its own evaluation); the others share one evaluation per set.
        bool perFile = evaluation.StartsWith("ner-", StringComparison.Ordinal);
        string key = perFile ? row : evaluation;
        IReadOnlyDictionary<string, double> measured = s_measured.GetOrAdd(
            key,
            _ => new Lazy<IReadOnlyDictionary<string, double>>(() => Measure(evaluation, metric))).Value;
        Assert.True(measured.TryGetValue(metric, out double value), $"{row}: the evaluation reports no metric '{metric}'");
        Assert.True(value >= documented - Margin, $"{row}: measured {value:0.00} < documented {documented:0.00} - {Margin}");
    }

    private static double Documented(string row)
    {
        foreach ((string r, double documented) in s_table)
        {
            if (r == row)
            {
                return documented;
            }
        }

        throw new ArgumentException("no such row: " + row, nameof(row));
    }

    private static IReadOnlyDictionary<string, double> Measure(string evaluation, string metric)
    {
        if (evaluation == "ewt-test")
        {
            string path = SharedData.Require("data/ud-ewt/en_ewt-ud-test.conllu");
            TokenizationScores scores = TokenizationEvaluator.Evaluate(ConlluReader.Read(File.ReadAllText(path), path));
            return new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["tokens-f1"] = scores.Tokens.F1,
                ["sentences-f1"] = scores.Sentences.F1,
            };
        }

        if (evaluation is "ner-default" or "ner-open")
        {
            NerModel model = evaluation == "ner-open" ? NerModel.Open : NerModel.Default;
            string path = SharedData.Require("data/ner/" + metric + ".conll");
            NerScores scores = NerEvaluator.Evaluate(model, ConllReader.Read(path));
            return new Dictionary<string, double>(StringComparer.Ordinal) { [metric] = scores.Micro.F1 };
        }

        if (evaluation is "ggt-dev-cv3" or "ggt-dev-cv3-single")
        {
            return MeasureQuotesCrossValidated(singleMarks: evaluation == "ggt-dev-cv3-single");
        }

        throw new ArgumentException("unknown evaluation: " + evaluation, nameof(evaluation));
    }

    private static Dictionary<string, double> MeasureQuotesCrossValidated(bool singleMarks)
    {
        string path = SharedData.Require("data/quotes/ggt/dev.jsonl");
        IReadOnlyList<QuoteArticle> articles = QuoteEvaluator.Load(path);
        const int folds = 3;
        List<SpeakerExample>[] examples = SpeakerRankerTrainer.Collect(articles, out List<DetectionExample>[] detection, CancellationToken.None);
        NewsExtract.Quotes.SpeakerRankingModel[] models = SpeakerRankerTrainer.TrainFolds(examples, [], folds, new SpeakerRankerTrainer.Settings(), detection);
        var analyzers = new ArticleAnalyzer[folds];
        for (int f = 0; f < folds; f++)
        {
            analyzers[f] = ArticleAnalyzer.CreateWithSpeakerModel(new ArticleAnalyzerOptions(), models[f]);
        }

        IReadOnlyList<QuoteArticle> scored = singleMarks ? articles.Select(QuoteStyleRewriter.ToSingleMarks).ToArray() : articles;
        QuoteEvaluationResult result = QuoteEvaluator.Evaluate(scored, i => analyzers[i % folds], CancellationToken.None);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["quote-f1"] = result.QuoteF1,
            ["speaker-accuracy"] = result.SpeakerAccuracy,
            ["end-to-end-f1"] = result.EndToEndF1,
        };
    }
}

/// <summary>The table's rows, split into three classes only so that xunit runs the three evaluations in parallel.</summary>
public sealed class TextAccuracyFloorTests
{
    public static TheoryData<string> Rows => AccuracyFloors.Rows("ewt-");

    [Theory]
    [MemberData(nameof(Rows))]
    public void Measured_StaysAtOrAboveTheDocumentedFigure(string row) => AccuracyFloors.AssertRow(row);
}

/// <inheritdoc cref="TextAccuracyFloorTests"/>
public sealed class EntityAccuracyFloorTests
{
    public static TheoryData<string> Rows => AccuracyFloors.Rows("ner-");

    [Theory]
    [MemberData(nameof(Rows))]
    public void Measured_StaysAtOrAboveTheDocumentedFigure(string row) => AccuracyFloors.AssertRow(row);
}

/// <inheritdoc cref="TextAccuracyFloorTests"/>
public sealed class QuoteAccuracyFloorTests
{
    public static TheoryData<string> Rows => AccuracyFloors.Rows("ggt-");

    [Theory]
    [MemberData(nameof(Rows))]
    public void Measured_StaysAtOrAboveTheDocumentedFigure(string row) => AccuracyFloors.AssertRow(row);
}

/// <summary>The table itself: unique rows, every row in exactly one of the three test classes.</summary>
public sealed class AccuracyFloorTableTests
{
    [Fact]
    public void Table_HasUniqueRowsEachCoveredByOneTestClass()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int covered = TextAccuracyFloorTests.Rows.Count + EntityAccuracyFloorTests.Rows.Count + QuoteAccuracyFloorTests.Rows.Count;
        foreach ((string row, double documented) in AccuracyFloors.Table)
        {
            Assert.True(seen.Add(row), $"duplicate row {row}");
            Assert.Contains(':', row);
            Assert.InRange(documented, 1.0, 100.0);
        }

        Assert.Equal(AccuracyFloors.Table.Count, covered);
    }
}
