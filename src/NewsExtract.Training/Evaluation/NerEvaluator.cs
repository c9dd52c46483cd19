using NewsExtract.Entities;
using NewsExtract.Training.Ner;

namespace NewsExtract.Training.Evaluation;

/// <summary>Tags gold documents with a model through the runtime tagger (including document-level
/// consistency) and scores the public types (PER, ORG, LOC) against the gold chunks.</summary>
internal static class NerEvaluator
{
    /// <param name="model">The model.</param>
    /// <param name="documents">Gold documents.</param>
    /// <param name="confidences">When given, receives each predicted public mention's confidence and
    /// whether it is exactly right (span and type), for calibration tables.</param>
    /// <param name="calibrated">Whether <paramref name="confidences"/> receives calibrated (as the library reports them) or raw confidences.</param>
    internal static NerScores Evaluate(NerModel model, IReadOnlyList<ConllDocument> documents, List<(float Confidence, bool Correct)>? confidences = null, bool calibrated = true)
    {
        var scores = new NerScores();
        var spans = new List<NerMentionSpan>();
        var predicted = new List<ConllChunk>();
        foreach (ConllDocument document in documents)
        {
            NerInput input = NerInput.FromTokens(document.Sentences);
            int n = input.Tokens.Length;
            int[] tags = new int[n];
            float[] confidence = new float[n];
            NerTagger.Tag(model, input, tags, confidence);
            spans.Clear();
            foreach (NerSentence sentence in input.Sentences)
            {
                NerSpans.Collect(sentence, tags, confidence, spans);
            }

            EntityRecognizer.MakeConsistent(input, spans, model.Classes.Length);
            predicted.Clear();
            foreach (NerMentionSpan span in spans)
            {
                if (model.ClassTypes[span.Class] is not null)
                {
                    var chunk = new ConllChunk(span.FirstToken, span.TokenCount, model.Classes[span.Class - 1]);
                    predicted.Add(chunk);
                    confidences?.Add((calibrated ? model.Calibrate(span.Confidence) : span.Confidence, Contains(document.Chunks, chunk)));
                }
            }

            scores.Add(document.Chunks, predicted);
        }

        return scores;
    }

    private static bool Contains(IReadOnlyList<ConllChunk> chunks, ConllChunk chunk)
    {
        foreach (ConllChunk c in chunks)
        {
            if (c == chunk)
            {
                return true;
            }
        }

        return false;
    }
}
