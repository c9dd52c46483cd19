using System.Globalization;
using System.Text.Json;

namespace NewsExtract.Training.Evaluation;

/// <summary>
/// Scores quote extraction against gold JSON lines (CONTRACT.md, <c>eval quotes</c>): a prediction matches
/// a gold quote when they overlap by at least half of the gold span (one to one, largest overlap first);
/// a matched quote's speaker is right when the last words of the names agree, case-insensitively. Error lines
/// start with their class: <c>MISS:boundary</c> (a prediction overlaps the gold quote, not enough),
/// <c>MISS:none</c> (nothing predicted there), <c>SPURIOUS:boundary</c> (overlaps a gold quote it did not match),
/// <c>SPURIOUS:unmarked</c> (no gold quote there: not speech by the annotation) and <c>SPEAKER</c>.
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
        => Evaluate(articles, analyzerFor, mentionSpeakers: false, cancellationToken);

    /// <summary>
    /// As <see cref="Evaluate(IReadOnlyList{QuoteArticle}, Func{int, IArticleAnalyzer}, CancellationToken)"/>; with
    /// <paramref name="mentionSpeakers"/> (gold speakers are mention texts, PolNeAR's convention) a speaker is also
    /// right when the gold mention's last word agrees with the predicted speaker's own words in the text
    /// (<see cref="SpeakerMention.Text"/>: "he", "the official"), not only with its resolved name; and when the last
    /// word of the mention's head (before its first comma or parenthesis: "Cynthia Estlund, a professor of labor
    /// law") agrees with either.
    /// </summary>
    /// <param name="articles">The gold articles.</param>
    /// <param name="analyzerFor">The analyzer for the article at an index.</param>
    /// <param name="mentionSpeakers">Whether gold speakers are mentions.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The scores.</returns>
    public static QuoteEvaluationResult Evaluate(IReadOnlyList<QuoteArticle> articles, Func<int, IArticleAnalyzer> analyzerFor, bool mentionSpeakers,
        CancellationToken cancellationToken = default)
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
        var bins = new (int Count, double Confidence, int Right)[10];
        for (int i = 0; i < articles.Count; i++)
        {
            QuoteArticle article = articles[i];
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<Quote> predicted = analyzerFor(i).Analyze(article.Text, cancellationToken).Quotes;
            Score(article, predicted, total, byKind, errors, bins, mentionSpeakers);
        }

        var reliability = new ReliabilityBin[bins.Length];
        for (int b = 0; b < bins.Length; b++)
        {
            reliability[b] = new ReliabilityBin(b / 10.0, (b + 1) / 10.0, bins[b].Count,
                bins[b].Count == 0 ? 0 : bins[b].Confidence / bins[b].Count, bins[b].Right);
        }

        return new QuoteEvaluationResult(articles.Count, total, byKind, errors, reliability);
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

    /// <summary>
    /// PolNeAR's convention: the gold speaker is a mention, often with its apposition or party tag ("Cynthia
    /// Estlund, a professor of labor law", "Sen. Chris Murphy (D-Conn.)"). The prediction is right when the last
    /// word of the mention, or of its head (the mention cut before its first comma or parenthesis), agrees with
    /// the predicted speaker's name or its own words in the text.
    /// </summary>
    internal static bool MentionMatches(string? gold, Speaker? speaker)
    {
        if (speaker is null || string.IsNullOrWhiteSpace(gold))
        {
            return false;
        }

        string head = MentionHead(gold);
        string? words = speaker.Mention?.Text;
        return NamesMatch(gold, words) || (head.Length > 0 && (NamesMatch(head, speaker.Name) || NamesMatch(head, words)));
    }

    /// <summary>A mention without its apposition or bracketed tag: the text before its first comma or opening parenthesis.</summary>
    internal static string MentionHead(string mention)
    {
        int cut = mention.AsSpan().IndexOfAny(',', '(');
        return (cut < 0 ? mention : mention[..cut]).Trim();
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
        Dictionary<string, QuoteKindScore> byKind, List<string> errors, (int Count, double Confidence, int Right)[] bins, bool mentionSpeakers)
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
                // "boundary": a prediction overlaps the gold quote, but by less than half of it (or it went to another quote).
                string cause = OverlapsAny(gold.Start, gold.End, predicted) ? "boundary" : "none";
                errors.Add($"MISS:{cause}\t{article.Id}\t{gold.Kind}\t{gold.SpeakerName}\t{Excerpt(article.Text, gold.Start, gold.End)}");
                continue;
            }

            total.MatchedGold++;
            kind.MatchedGold++;
            Speaker? speaker = predicted[goldMatch[g]].Speaker;
            bool right = NamesMatch(gold.SpeakerName, speaker?.Name)
                || (mentionSpeakers && MentionMatches(gold.SpeakerName, speaker));
            if (speaker is { Confidence: double confidence })
            {
                int bin = Math.Clamp((int)(confidence * bins.Length), 0, bins.Length - 1);
                bins[bin] = (bins[bin].Count + 1, bins[bin].Confidence + confidence, bins[bin].Right + (right ? 1 : 0));
            }

            if (right)
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
                string cause = OverlapsAny(predicted[p].Start, predicted[p].End, article.Quotes) ? "boundary" : "unmarked";
                errors.Add($"SPURIOUS:{cause}\t{article.Id}\t{predicted[p].Kind}\t{predicted[p].Speaker?.Name}\t{Excerpt(article.Text, predicted[p].Start, predicted[p].End)}");
            }
        }
    }

    private static bool OverlapsAny(int start, int end, IReadOnlyList<Quote> spans)
    {
        foreach (Quote q in spans)
        {
            if (q.Start < end && q.End > start)
            {
                return true;
            }
        }

        return false;
    }

    private static bool OverlapsAny(int start, int end, IReadOnlyList<QuoteGold> spans)
    {
        foreach (QuoteGold q in spans)
        {
            if (q.Start < end && q.End > start)
            {
                return true;
            }
        }

        return false;
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
