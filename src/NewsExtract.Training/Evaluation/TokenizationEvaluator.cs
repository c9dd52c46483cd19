using NewsExtract.Internal;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Training.Evaluation;

/// <summary>
/// Scores the tokenizer and sentence splitter against CoNLL-U documents with the CoNLL 2018 shared-task
/// definitions: a predicted token or sentence is correct when its character span equals a gold one.
/// Tokens are surface tokens, so a clitic our tokenizer splits off ("do" "n't") is joined back to its
/// host, as UD writes "don't" as one multi-word token. Sentences are split by the pipeline's
/// <see cref="SentenceSplitter"/> over a <see cref="PlainTextLayout"/> (paragraphs at blank lines).
/// </summary>
public static class TokenizationEvaluator
{
    /// <summary>Scores all documents.</summary>
    /// <param name="documents">The gold documents.</param>
    /// <param name="errors">When not null, receives readable descriptions of the errors (up to <paramref name="maxErrors"/>).</param>
    /// <param name="maxErrors">The most errors to describe.</param>
    /// <returns>Token and sentence scores.</returns>
    public static TokenizationScores Evaluate(IReadOnlyList<ConlluDocument> documents, List<string>? errors = null, int maxErrors = 0)
        => Evaluate(documents, new SentenceSplitter(), errors, maxErrors);

    /// <summary>Scores all documents with the given splitter (a model being trained).</summary>
    internal static TokenizationScores Evaluate(IReadOnlyList<ConlluDocument> documents, SentenceSplitter splitter, List<string>? errors = null, int maxErrors = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        SpanScore tokens = default;
        SpanScore sentences = default;
        int[] errorCounts = new int[TokenizationErrorClasses.Names.Count];
        foreach (ConlluDocument document in documents)
        {
            string text = document.Text;
            Token[] predicted = TextTokenizer.Tokenize(text);
            List<(int Start, int End)> surface = ToSurfaceTokens(text, predicted);
            SentenceInfo[] split = splitter.Split(text, predicted, PlainTextLayout.Create(text));
            var predictedSentences = new List<(int Start, int End)>(split.Length);
            foreach (SentenceInfo sentence in split)
            {
                predictedSentences.Add((sentence.Start, sentence.End));
            }

            TokenizationErrorClasses.Count(text, document.Sentences, predictedSentences, surface, errorCounts);
            tokens = tokens.Add(Compare(text, document.Tokens, surface, "token", errors, maxErrors));
            sentences = sentences.Add(Compare(text, document.Sentences, predictedSentences, "sentence", errors, maxErrors));
        }

        return new TokenizationScores(tokens, sentences, documents.Count, errorCounts);
    }

    /// <summary>Joins each split-off clitic to the token it was split from.</summary>
    internal static List<(int Start, int End)> ToSurfaceTokens(string text, Token[] tokens)
    {
        var surface = new List<(int Start, int End)>(tokens.Length);
        foreach (Token token in tokens)
        {
            if (surface.Count > 0 && token.Kind == TokenKind.Word && surface[^1].End == token.Start
                && TokenizerLexicon.IsClitic(text.AsSpan(token.Start, token.Length)))
            {
                surface[^1] = (surface[^1].Start, token.End);
                continue;
            }

            surface.Add((token.Start, token.End));
        }

        return surface;
    }

    private static SpanScore Compare(
        string text,
        IReadOnlyList<(int Start, int End)> gold,
        List<(int Start, int End)> predicted,
        string what,
        List<string>? errors,
        int maxErrors)
    {
        // Both lists are sorted by start and non-overlapping: one merge pass.
        int correct = 0;
        int g = 0;
        int p = 0;
        while (g < gold.Count && p < predicted.Count)
        {
            (int gs, int ge) = gold[g];
            (int ps, int pe) = predicted[p];
            if (gs == ps && ge == pe)
            {
                correct++;
                g++;
                p++;
                continue;
            }

            if (errors is not null && errors.Count < maxErrors)
            {
                int from = Math.Min(gs, ps);
                int to = Math.Max(ge, pe);
                int contextStart = Math.Max(0, from - 30);
                int contextEnd = Math.Min(text.Length, to + 30);
                errors.Add($"{what}: gold [{Show(text, gs, ge, what)}] predicted [{Show(text, ps, pe, what)}] in ...{text[contextStart..contextEnd].ReplaceLineEndings(" ")}...");
            }

            // Advance whichever ends first, so both lists stay aligned.
            if (ge <= pe)
            {
                g++;
            }

            if (pe <= ge)
            {
                p++;
            }
        }

        return new SpanScore(gold.Count, predicted.Count, correct);
    }

    private static string Show(string text, int start, int end, string what)
    {
        string span = text[start..end].ReplaceLineEndings(" ");
        return what == "sentence" && span.Length > 60 ? span[..25] + " ... " + span[^25..] : span;
    }
}
