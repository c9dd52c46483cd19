using System.Globalization;
using System.Text.Json;

namespace NewsExtract.Training.Evaluation;

/// <summary>
/// Scores quote extraction against gold JSON lines (CONTRACT.md, <c>eval quotes</c>): a prediction matches
/// a gold quote when they overlap by at least half of the gold span (one to one, largest overlap first);
/// a matched quote's speaker is right when the last words of the names agree, case-insensitively.
/// </summary>
public static class QuoteEvaluator
{
    private static readonly string[] s_kinds = ["Direct", "Partial", "Indirect"];

    /// <summary>Reads the gold articles of a JSON-lines file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The articles in file order.</returns>
    /// <exception cref="CliException">The file is missing, unreadable or malformed.</exception>
    public static IReadOnlyList<QuoteArticle> Load(string path)
    {
        string content = TextFileReader.ReadAllText(path);
        var articles = new List<QuoteArticle>();
        string[] lines = content.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                articles.Add(ParseArticle(line, articles.Count));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new CliException($"{path}:{n + 1}: not a valid quote article ({ex.Message.Split('\n')[0]})");
            }
        }

        if (articles.Count == 0)
        {
            throw new CliException($"{path}: no articles");
        }

        return articles;
    }

    /// <summary>Analyzes every article and scores the predicted quotes against the gold ones.</summary>
    /// <param name="articles">The gold articles.</param>
    /// <param name="analyzer">The analyzer under test.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The scores.</returns>
    public static QuoteEvaluationResult Evaluate(IReadOnlyList<QuoteArticle> articles, IArticleAnalyzer analyzer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return Evaluate(articles, _ => analyzer, cancellationToken);
    }

    /// <summary>
    /// Analyzes every article with the analyzer chosen for it (cross-validation: the model of the fold that
    /// held the article out) and scores the predicted quotes against the gold ones.
    /// </summary>
    /// <param name="articles">The gold articles.</param>
    /// <param name="analyzerFor">The analyzer for the article at an index.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The scores.</returns>
    public static QuoteEvaluationResult Evaluate(IReadOnlyList<QuoteArticle> articles, Func<int, IArticleAnalyzer> analyzerFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(analyzerFor);
        var total = new QuoteKindScore();
        var byKind = new Dictionary<string, QuoteKindScore>(StringComparer.Ordinal);
        foreach (string kind in s_kinds)
        {
            byKind[kind] = new QuoteKindScore();
        }

        var errors = new List<string>();
        for (int i = 0; i < articles.Count; i++)
        {
            QuoteArticle article = articles[i];
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<Quote> predicted = analyzerFor(i).Analyze(article.Text, cancellationToken).Quotes;
            Score(article, predicted, total, byKind, errors);
        }

        return new QuoteEvaluationResult(articles.Count, total, byKind, errors);
    }

    /// <summary>Whether two speaker names agree: same last word, case-insensitive.</summary>
    /// <param name="gold">The gold name.</param>
    /// <param name="predicted">The predicted name.</param>
    /// <returns><see langword="true"/> when they agree (or both are absent).</returns>
    public static bool NamesMatch(string? gold, string? predicted)
    {
        if (string.IsNullOrWhiteSpace(gold) || string.IsNullOrWhiteSpace(predicted))
        {
            return string.IsNullOrWhiteSpace(gold) && string.IsNullOrWhiteSpace(predicted);
        }

        return string.Equals(LastWord(gold), LastWord(predicted), StringComparison.OrdinalIgnoreCase);
    }

    private static string LastWord(string name)
    {
        string[] words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? string.Empty : words[^1].Trim('.', ',', ';', ':', '"', '\u201C', '\u201D');
    }

    /// <summary>
    /// Pairs predicted spans with gold quotes as the scorer does: overlap of at least half the gold span,
    /// one-to-one, largest overlap first.
    /// </summary>
    /// <param name="gold">The gold quotes.</param>
    /// <param name="predicted">The predicted spans (start, end).</param>
    /// <returns>For each gold quote, the index of its predicted span, or -1.</returns>
    public static int[] Match(IReadOnlyList<QuoteGold> gold, IReadOnlyList<(int Start, int End)> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var pairs = new List<(int Overlap, int Gold, int Predicted)>();
        for (int g = 0; g < gold.Count; g++)
        {
            int length = gold[g].End - gold[g].Start;
            for (int p = 0; p < predicted.Count; p++)
            {
                int overlap = Math.Min(gold[g].End, predicted[p].End) - Math.Max(gold[g].Start, predicted[p].Start);
                if (overlap > 0 && 2 * overlap >= length)
                {
                    pairs.Add((overlap, g, p));
                }
            }
        }

        pairs.Sort((a, b) => a.Overlap != b.Overlap ? b.Overlap.CompareTo(a.Overlap) : a.Gold != b.Gold ? a.Gold.CompareTo(b.Gold) : a.Predicted.CompareTo(b.Predicted));
        var goldMatch = new int[gold.Count];
        var used = new bool[predicted.Count];
        Array.Fill(goldMatch, -1);
        foreach ((int _, int g, int p) in pairs)
        {
            if (goldMatch[g] < 0 && !used[p])
            {
                goldMatch[g] = p;
                used[p] = true;
            }
        }

        return goldMatch;
    }

    private static void Score(QuoteArticle article, IReadOnlyList<Quote> predicted, QuoteKindScore total,
        Dictionary<string, QuoteKindScore> byKind, List<string> errors)
    {
        var pairs = new List<(int Overlap, int Gold, int Predicted)>();
        for (int g = 0; g < article.Quotes.Count; g++)
        {
            QuoteGold gold = article.Quotes[g];
            int length = gold.End - gold.Start;
            for (int p = 0; p < predicted.Count; p++)
            {
                int overlap = Math.Min(gold.End, predicted[p].End) - Math.Max(gold.Start, predicted[p].Start);
                if (overlap > 0 && 2 * overlap >= length)
                {
                    pairs.Add((overlap, g, p));
                }
            }
        }

        // Largest overlap first, ties by text order, so the matching is deterministic.
        pairs.Sort((a, b) => a.Overlap != b.Overlap ? b.Overlap.CompareTo(a.Overlap) : a.Gold != b.Gold ? a.Gold.CompareTo(b.Gold) : a.Predicted.CompareTo(b.Predicted));
        var goldMatch = new int[article.Quotes.Count];
        var predictedMatched = new bool[predicted.Count];
        Array.Fill(goldMatch, -1);
        foreach ((int _, int g, int p) in pairs)
        {
            if (goldMatch[g] < 0 && !predictedMatched[p])
            {
                goldMatch[g] = p;
                predictedMatched[p] = true;
            }
        }

        for (int g = 0; g < article.Quotes.Count; g++)
        {
            QuoteGold gold = article.Quotes[g];
            QuoteKindScore kind = KindScore(byKind, gold.Kind);
            total.Gold++;
            kind.Gold++;
            if (goldMatch[g] < 0)
            {
                errors.Add($"MISS\t{article.Id}\t{gold.Kind}\t{gold.SpeakerName}\t{Excerpt(article.Text, gold.Start, gold.End)}");
                continue;
            }

            total.MatchedGold++;
            kind.MatchedGold++;
            Speaker? speaker = predicted[goldMatch[g]].Speaker;
            if (NamesMatch(gold.SpeakerName, speaker?.Name))
            {
                total.SpeakerRight++;
                kind.SpeakerRight++;
            }
            else
            {
                errors.Add($"SPEAKER\t{article.Id}\t{gold.Kind}\tgold={gold.SpeakerName}\tpredicted={speaker?.Name}({speaker?.Mention?.Text})\t{Excerpt(article.Text, gold.Start, gold.End)}");
            }
        }

        for (int p = 0; p < predicted.Count; p++)
        {
            QuoteKindScore kind = KindScore(byKind, predicted[p].Kind.ToString());
            total.Predicted++;
            kind.Predicted++;
            if (predictedMatched[p])
            {
                total.MatchedPredicted++;
                kind.MatchedPredicted++;
            }
            else
            {
                errors.Add($"SPURIOUS\t{article.Id}\t{predicted[p].Kind}\t{predicted[p].Speaker?.Name}\t{Excerpt(article.Text, predicted[p].Start, predicted[p].End)}");
            }
        }
    }

    private static QuoteKindScore KindScore(Dictionary<string, QuoteKindScore> byKind, string kind)
    {
        if (!byKind.TryGetValue(kind, out QuoteKindScore? score))
        {
            score = new QuoteKindScore();
            byKind[kind] = score;
        }

        return score;
    }

    private static string Excerpt(string text, int start, int end)
    {
        int from = Math.Max(0, start - 60);
        int to = Math.Min(text.Length, end + 60);
        return (text[from..start] + "[[" + text[start..end] + "]]" + text[end..to]).Replace('\n', ' ');
    }

    private static QuoteArticle ParseArticle(string line, int index)
    {
        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement root = json.RootElement;
        string id = root.TryGetProperty("id", out JsonElement idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()!
            : (index + 1).ToString(CultureInfo.InvariantCulture);
        string text = root.GetProperty("text").GetString() ?? throw new FormatException("\"text\" is null");
        var quotes = new List<QuoteGold>();
        if (root.TryGetProperty("quotes", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement quote in list.EnumerateArray())
            {
                int start = quote.GetProperty("start").GetInt32();
                int end = quote.GetProperty("end").GetInt32();
                if (start < 0 || end < start || end > text.Length)
                {
                    throw new FormatException($"quote span {start}..{end} outside the text");
                }

                string kind = quote.TryGetProperty("kind", out JsonElement kindElement) && kindElement.ValueKind == JsonValueKind.String
                    ? kindElement.GetString()!
                    : "Direct";
                string? speaker = null;
                if (quote.TryGetProperty("speaker", out JsonElement speakerElement) && speakerElement.ValueKind == JsonValueKind.Object
                    && speakerElement.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String)
                {
                    speaker = name.GetString();
                }

                quotes.Add(new QuoteGold(start, end, kind, speaker));
            }
        }

        return new QuoteArticle(id, text, quotes);
    }
}
